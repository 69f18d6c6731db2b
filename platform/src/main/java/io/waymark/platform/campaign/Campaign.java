package io.waymark.platform.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "campaign")
class Campaign {

  /** ACTIVE: may still start runs or has one live; COMPLETED: a one-off whose run ended; CANCELLED. */
  enum Status { ACTIVE, COMPLETED, CANCELLED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private long segmentId;

  @Column(nullable = false)
  private String templateKey;

  @Column(nullable = false)
  private String topic;

  private String brand;

  @Column(nullable = false)
  private String scheduleType;

  private Instant startAt;
  private String cron;
  private String zone;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(nullable = false)
  private String createdBy;

  @Column(nullable = false)
  private Instant createdAt;

  private Instant nextFireAt;
  private String cancelledBy;
  private Instant cancelledAt;

  @Version
  private long version;

  protected Campaign() {
  }

  Campaign(String name, long segmentId, String templateKey, String topic, String brand, Schedule schedule,
      String createdBy, Instant now) {
    this.name = name;
    this.segmentId = segmentId;
    this.templateKey = templateKey;
    this.topic = topic;
    this.brand = brand;
    this.scheduleType = schedule.type();
    this.startAt = schedule.at();
    this.cron = schedule.cron();
    this.zone = schedule.zone();
    this.status = Status.ACTIVE;
    this.createdBy = createdBy;
    this.createdAt = now;
  }

  Long id() {
    return id;
  }

  CampaignId campaignId() {
    return new CampaignId(id);
  }

  String name() {
    return name;
  }

  long segmentId() {
    return segmentId;
  }

  String templateKey() {
    return templateKey;
  }

  String topic() {
    return topic;
  }

  String brand() {
    return brand;
  }

  String createdBy() {
    return createdBy;
  }

  Status status() {
    return status;
  }

  Instant nextFireAt() {
    return nextFireAt;
  }

  Schedule schedule() {
    return new Schedule(scheduleType, startAt, cron, zone);
  }

  boolean recurring() {
    return Schedule.RECURRING.equals(scheduleType);
  }

  boolean isDue(Instant now) {
    return status == Status.ACTIVE && nextFireAt != null && !nextFireAt.isAfter(now);
  }

  /** The next fire the scheduler starts a run for; null when none is left. */
  void nextFireAt(Instant next) {
    this.nextFireAt = next;
  }

  void cancel(String by, Instant now) {
    this.status = Status.CANCELLED;
    this.cancelledBy = by;
    this.cancelledAt = now;
    this.nextFireAt = null;
  }

  /** A one-off campaign whose run ended (or was skipped) is done; a recurring one goes on. */
  void runEnded() {
    if (status == Status.ACTIVE && !recurring() && nextFireAt == null) {
      this.status = Status.COMPLETED;
    }
  }

  CampaignView toView(RunView lastRun, java.util.List<RunView> runs) {
    return new CampaignView(campaignId(), name, segmentId, templateKey, topic, brand, schedule(), status.name(),
        createdBy, createdAt, nextFireAt, cancelledBy, cancelledAt, lastRun, runs);
  }
}
