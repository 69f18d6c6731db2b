package io.waymark.platform.link;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One minted short link: a recipient's way to {@code target} through {@code /l/{code}}, open until it expires. */
@Entity
@Immutable
@Table(name = "short_link")
class ShortLink {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String code;

  @Column(nullable = false)
  private String target;

  @Column(nullable = false)
  private long contactId;

  private String processId;
  private Long processInstanceKey;
  private String messageKey;

  @Column(nullable = false)
  private int position;

  private String templateKey;
  private String variant;

  @Column(nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private Instant expiresAt;

  protected ShortLink() {
  }

  ShortLink(String code, String target, MessageLinks message, int position, String templateKey, Instant createdAt,
      Instant expiresAt) {
    this.code = code;
    this.target = target;
    this.contactId = message.contactId().value();
    this.processId = message.processId();
    this.processInstanceKey = message.processInstanceKey();
    this.messageKey = message.messageKey();
    this.position = position;
    this.templateKey = templateKey;
    this.variant = message.variant();
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
  }

  Long id() {
    return id;
  }

  String code() {
    return code;
  }

  String target() {
    return target;
  }

  long contactId() {
    return contactId;
  }

  Long processInstanceKey() {
    return processInstanceKey;
  }

  String messageKey() {
    return messageKey;
  }

  Instant expiresAt() {
    return expiresAt;
  }
}
