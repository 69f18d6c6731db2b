package io.waymark.platform.link;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One visit of a short link by a person (CLICK) or a messaging app's preview bot (PREVIEW); append-only. */
@Entity
@Immutable
@Table(name = "link_click")
class LinkClick {

  enum Kind { CLICK, PREVIEW }

  static final int MAX_USER_AGENT = 500;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private long linkId;

  @Column(nullable = false)
  private String code;

  @Column(nullable = false)
  private long contactId;

  private Long processInstanceKey;
  private String messageKey;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Kind kind;

  private String userAgent;

  @Column(nullable = false)
  private Instant clickedAt;

  protected LinkClick() {
  }

  LinkClick(ShortLink link, Kind kind, String userAgent, Instant clickedAt) {
    this.linkId = link.id();
    this.code = link.code();
    this.contactId = link.contactId();
    this.processInstanceKey = link.processInstanceKey();
    this.messageKey = link.messageKey();
    this.kind = kind;
    this.userAgent = userAgent == null ? null
        : userAgent.length() > MAX_USER_AGENT ? userAgent.substring(0, MAX_USER_AGENT) : userAgent;
    this.clickedAt = clickedAt;
  }

  Long id() {
    return id;
  }

  Instant clickedAt() {
    return clickedAt;
  }
}
