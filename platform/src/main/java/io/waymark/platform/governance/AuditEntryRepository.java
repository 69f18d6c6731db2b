package io.waymark.platform.governance;

import org.springframework.data.repository.Repository;

/** Append-only: insert, nothing else (queries go through {@link AuditLog}'s criteria). */
interface AuditEntryRepository extends Repository<AuditEntry, Long> {

  AuditEntry save(AuditEntry entry);
}
