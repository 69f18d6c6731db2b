package io.waymark.platform.governance;

import java.time.Instant;

/** One audit entry: who, when, what, on what, the state before and after (JSON text, null when none), a sentence. */
public record AuditEntryView(long id, Instant at, String actor, String action, String subjectType, String subjectId,
    String before, String after, String detail) {
}
