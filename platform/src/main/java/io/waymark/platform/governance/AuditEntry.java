package io.waymark.platform.governance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * One governance action, as it happened. Immutable: no setters, every column {@code updatable = false}, and Hibernate
 * never writes it again ({@link Immutable}); the repository can only insert and read.
 */
@Entity
@Immutable
@Table(name = "audit_entry")
class AuditEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, updatable = false)
  private Instant at;

  @Column(nullable = false, updatable = false)
  private String actor;

  @Column(nullable = false, updatable = false)
  private String action;

  @Column(nullable = false, updatable = false)
  private String subjectType;

  @Column(nullable = false, updatable = false)
  private String subjectId;

  @Column(name = "before_state", updatable = false)
  private String before;

  @Column(name = "after_state", updatable = false)
  private String after;

  @Column(updatable = false)
  private String detail;

  protected AuditEntry() {
  }

  AuditEntry(Instant at, String actor, String action, String subjectType, String subjectId, String before,
      String after, String detail) {
    this.at = at;
    this.actor = actor;
    this.action = action;
    this.subjectType = subjectType;
    this.subjectId = subjectId;
    this.before = before;
    this.after = after;
    this.detail = detail;
  }

  AuditEntryView view() {
    return new AuditEntryView(id, at, actor, action, subjectType, subjectId, before, after, detail);
  }
}
