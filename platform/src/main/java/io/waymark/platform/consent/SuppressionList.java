package io.waymark.platform.consent;

import io.waymark.platform.contact.PhoneNumbers;
import io.waymark.platform.governance.AuditLog;
import io.waymark.platform.support.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Do-not-contact: a number on the list gets nothing, whatever opt-ins it holds. Entries are lifted, never deleted,
 * so the list's history stays readable.
 */
@Service
public class SuppressionList {

  private final SuppressionEntryRepository entries;
  private final AuditLog audit;
  private final Clock clock;

  SuppressionList(SuppressionEntryRepository entries, AuditLog audit, Clock clock) {
    this.entries = entries;
    this.audit = audit;
    this.clock = clock;
  }

  /** Adds the number (any format); a number already on the list keeps its first entry. */
  @Transactional
  public Entry suppress(String phone, String reason, String source) {
    String e164 = PhoneNumbers.toE164(phone, null);
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException("reason", "is required");
    }
    return entries.findFirstByPhoneAndLiftedAtIsNull(e164).orElseGet(() -> {
      SuppressionEntry added = entries.save(new SuppressionEntry(e164, reason.strip(), source, clock.instant()));
      audit.record(AuditLog.Entry.of("consent.suppressed", "phone", e164).before(Map.of("suppressed", false))
          .after(Map.of("suppressed", true, "reason", reason.strip(), "source", String.valueOf(source))));
      return added;
    }).toView();
  }

  /** Lifts the number's active entry; false when it had none. */
  @Transactional
  public boolean lift(String phone, String reason) {
    String e164 = PhoneNumbers.toE164(phone, null);
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException("reason", "is required");
    }
    Optional<SuppressionEntry> active = entries.findFirstByPhoneAndLiftedAtIsNull(e164);
    active.ifPresent(entry -> {
      entry.lift(reason.strip(), clock.instant());
      audit.record(AuditLog.Entry.of("consent.suppression.lifted", "phone", e164).before(Map.of("suppressed", true))
          .after(Map.of("suppressed", false, "reason", reason.strip())));
    });
    return active.isPresent();
  }

  @Transactional(readOnly = true)
  public Optional<Entry> active(String e164) {
    return entries.findFirstByPhoneAndLiftedAtIsNull(e164).map(SuppressionEntry::toView);
  }

  @Transactional(readOnly = true)
  public List<Entry> history(String e164) {
    return entries.findByPhoneOrderByIdAsc(e164).stream().map(SuppressionEntry::toView).toList();
  }

  /** One entry: active while {@code liftedAt} is null. */
  public record Entry(long id, String phone, String reason, String source, Instant createdAt, Instant liftedAt,
      String liftedReason) {
  }
}
