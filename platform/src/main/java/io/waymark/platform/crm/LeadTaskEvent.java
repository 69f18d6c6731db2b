package io.waymark.platform.crm;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of a task's history; written once, never changed. */
@Entity
@Table(name = "crm_task_event")
class LeadTaskEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private long taskId;
  private Instant at;
  private String kind;
  private String actor;
  private String ownerId;
  private String detail;

  protected LeadTaskEvent() {
  }

  LeadTaskEvent(long taskId, Instant at, String kind, String actor, String detail) {
    this(taskId, at, kind, actor, null, detail);
  }

  /** An event that leaves the task with {@code ownerId}: CREATED, ESCALATED, REASSIGNED. */
  LeadTaskEvent(long taskId, Instant at, String kind, String actor, String ownerId, String detail) {
    this.ownerId = ownerId;
    this.taskId = taskId;
    this.at = at;
    this.kind = kind;
    this.actor = actor;
    this.detail = LeadTask.truncate(detail, 1000);
  }

  String ownerId() {
    return ownerId;
  }

  LeadInbox.HistoryLine toView() {
    return new LeadInbox.HistoryLine(at, kind, actor, detail);
  }
}
