package io.waymark.platform.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "suppression_entry")
class SuppressionEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String phone;

  @Column(nullable = false)
  private String reason;

  @Column(nullable = false)
  private String source;

  @Column(nullable = false)
  private Instant createdAt;

  private Instant liftedAt;
  private String liftedReason;

  @Version
  private long version;

  protected SuppressionEntry() {
  }

  SuppressionEntry(String phone, String reason, String source, Instant now) {
    this.phone = phone;
    this.reason = reason;
    this.source = source;
    this.createdAt = now;
  }

  void lift(String why, Instant now) {
    liftedAt = now;
    liftedReason = why;
  }

  SuppressionList.Entry toView() {
    return new SuppressionList.Entry(id, phone, reason, source, createdAt, liftedAt, liftedReason);
  }
}
