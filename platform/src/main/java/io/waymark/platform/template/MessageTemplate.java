package io.waymark.platform.template;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A template: its key, channel, class and brand, which never change, and its versions. */
@Entity
@Table(name = "message_template")
class MessageTemplate {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "template_key", nullable = false)
  private String key;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Channel channel;

  @Column(nullable = false)
  private String messageClass;

  @Column(nullable = false)
  private String brand;

  @Column(nullable = false)
  private Instant createdAt;

  @OneToMany(mappedBy = "template", cascade = CascadeType.ALL)
  @OrderBy("number")
  private List<TemplateVersion> versions = new ArrayList<>();

  @Version
  private long version;

  protected MessageTemplate() {
  }

  MessageTemplate(String key, String name, Channel channel, String messageClass, String brand, Instant now) {
    this.key = key;
    this.name = name;
    this.channel = channel;
    this.messageClass = messageClass;
    this.brand = brand;
    this.createdAt = now;
  }

  String key() {
    return key;
  }

  Channel channel() {
    return channel;
  }

  String messageClass() {
    return messageClass;
  }

  String brand() {
    return brand;
  }

  List<TemplateVersion> versions() {
    return List.copyOf(versions);
  }

  /** A new draft numbered one above the highest version. */
  TemplateVersion addDraft(TemplateDefinition content, Instant now) {
    int number = versions.stream().mapToInt(TemplateVersion::number).max().orElse(0) + 1;
    TemplateVersion draft = new TemplateVersion(this, number, content, now);
    versions.add(draft);
    return draft;
  }

  Optional<TemplateVersion> version(int number) {
    return versions.stream().filter(v -> v.number() == number).findFirst();
  }

  Optional<TemplateVersion> approved() {
    return versions.stream().filter(v -> v.status() == TemplateStatus.APPROVED).findFirst();
  }

  /** The template's channel, class and brand with a version's content. */
  TemplateDefinition definition(TemplateVersion v) {
    return new TemplateDefinition(channel, messageClass, brand, v.subject(), v.body(), v.maxSegments(),
        v.followUp(), v.linkExpiryHours());
  }

  TemplateView toView(List<VersionView> views) {
    return new TemplateView(key, name, channel, messageClass, brand, createdAt,
        approved().map(TemplateVersion::number).orElse(null), views);
  }
}
