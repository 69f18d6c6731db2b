package io.waymark.platform.template;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import org.hibernate.type.NumericBooleanConverter;

/**
 * One numbered version of a template. Only a draft changes; {@code approvedMarker} is 1 while the version is approved
 * and null otherwise, so that the unique key on (template, marker) lets the database hold at most one approved
 * version per template whatever races above it.
 */
@Entity
@Table(name = "message_template_version")
class TemplateVersion {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "template_id", nullable = false)
  private MessageTemplate template;

  @Column(name = "version_no", nullable = false)
  private int number;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private TemplateStatus status;

  private Integer approvedMarker;

  private String subject;

  @Column(nullable = false)
  private String body;

  private Integer maxSegments;

  @Convert(converter = NumericBooleanConverter.class)
  @Column(nullable = false)
  private boolean followUp;

  private Integer linkExpiryHours;

  @Column(nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private Instant updatedAt;

  private String approvedBy;
  private Instant approvedAt;
  private String retiredBy;
  private Instant retiredAt;

  @Version
  private long version;

  protected TemplateVersion() {
  }

  TemplateVersion(MessageTemplate template, int number, TemplateDefinition content, Instant now) {
    this.template = template;
    this.number = number;
    this.status = TemplateStatus.DRAFT;
    this.createdAt = now;
    change(content, now);
  }

  int number() {
    return number;
  }

  TemplateStatus status() {
    return status;
  }

  String subject() {
    return subject;
  }

  String body() {
    return body;
  }

  Integer maxSegments() {
    return maxSegments;
  }

  boolean followUp() {
    return followUp;
  }

  Integer linkExpiryHours() {
    return linkExpiryHours;
  }

  /** Replaces a draft's content. */
  void update(TemplateDefinition content, Instant now) {
    requireDraft("edited");
    change(content, now);
  }

  void approve(String by, Instant now) {
    requireDraft("approved");
    status = TemplateStatus.APPROVED;
    approvedMarker = 1;
    approvedBy = by;
    approvedAt = now;
    updatedAt = now;
  }

  void retire(String by, Instant now) {
    if (status == TemplateStatus.RETIRED) {
      throw new TemplateStateException(this + " is retired already");
    }
    status = TemplateStatus.RETIRED;
    approvedMarker = null;
    retiredBy = by;
    retiredAt = now;
    updatedAt = now;
  }

  VersionView toView(TemplateRendering.Sample sample, List<String> tokens) {
    return new VersionView(template.key(), number, status, subject, body, maxSegments, followUp, linkExpiryHours, tokens,
        sample.subject(), sample.body(), sample.analysis(), sample.optOutWording(), createdAt, updatedAt, approvedBy,
        approvedAt, retiredBy, retiredAt);
  }

  @Override
  public String toString() {
    return "template '" + template.key() + "' version " + number;
  }

  /** Fails with a {@link TemplateStateException} unless this version is a draft. */
  void requireDraft(String what) {
    if (status != TemplateStatus.DRAFT) {
      throw new TemplateStateException(this + " is " + status + ": only a DRAFT can be " + what
          + (what.equals("edited") ? "; create a new draft (POST .../versions) instead" : ""));
    }
  }

  private void change(TemplateDefinition content, Instant now) {
    subject = content.sms() || content.subject() == null ? null : content.subject().strip();
    body = content.body().strip();
    maxSegments = content.maxSegments();
    followUp = content.followUp();
    linkExpiryHours = content.linkExpiryHours();
    updatedAt = now;
  }
}
