package io.waymark.platform.governance;

import java.time.Instant;

/**
 * Which audit entries to list, every part optional (null: any): from (inclusive) and to (exclusive) instants, the
 * actor, the action, the subject type and id. Newest first.
 */
public record AuditQuery(Instant from, Instant to, String actor, String action, String subjectType,
    String subjectId) {

  public static AuditQuery all() {
    return new AuditQuery(null, null, null, null, null, null);
  }

  public AuditQuery byActor(String actor) {
    return new AuditQuery(from, to, actor, action, subjectType, subjectId);
  }

  public AuditQuery byAction(String action) {
    return new AuditQuery(from, to, actor, action, subjectType, subjectId);
  }

  public AuditQuery bySubject(String subjectType, String subjectId) {
    return new AuditQuery(from, to, actor, action, subjectType, subjectId);
  }

  public AuditQuery between(Instant from, Instant to) {
    return new AuditQuery(from, to, actor, action, subjectType, subjectId);
  }
}
