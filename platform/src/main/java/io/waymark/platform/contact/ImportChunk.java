package io.waymark.platform.contact;

import io.waymark.platform.contact.ImportReport.Outcome;
import io.waymark.platform.contact.ImportReport.Row;
import io.waymark.platform.contact.ImportRow.Problem;
import io.waymark.platform.support.InvalidInputException;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Stores a chunk of import rows inside the caller's transaction: reads the chunk's existing contacts at once, merges
 * row by row (a later row of the same number merges into what the earlier ones left), writes new and changed
 * contacts in batches, then hands each row's consent to the {@link ImportedConsentSink}. A consent the sink rejects
 * may leave the transaction rollback-only, so every such row is collected into {@link ConsentsRejected}: the caller
 * rolls back and stores the chunk again with those consents rejected up front.
 */
@Component
class ImportChunk {

  private final ContactRows contacts;
  private final ObjectProvider<ImportedConsentSink> consents;
  private final EntityManager entities;
  private final Clock clock;

  ImportChunk(ContactRows contacts, ObjectProvider<ImportedConsentSink> consents, EntityManager entities,
      Clock clock) {
    this.contacts = contacts;
    this.consents = consents;
    this.entities = entities;
    this.clock = clock;
  }

  /** The consents the sink rejected in this attempt, by line. */
  static final class ConsentsRejected extends RuntimeException {
    final transient Map<Long, Problem> rejected;

    ConsentsRejected(Map<Long, Problem> rejected) {
      super(rejected.size() + " consents rejected", null, false, false);
      this.rejected = rejected;
    }
  }

  /** One number's contact through the chunk: as stored (null if new), as merged so far, fingerprints applied. */
  private static final class Pending {
    final ContactRows.Stored stored;
    final Set<String> known = new HashSet<>();
    final List<String> added = new ArrayList<>();
    final Set<String> offered = new HashSet<>();
    ContactFields fields;
    long id;

    Pending(ContactRows.Stored stored) {
      this.stored = stored;
      this.fields = stored == null ? ContactFields.EMPTY : stored.fields();
      this.id = stored == null ? 0 : stored.id();
    }
  }

  /** A row after its contact part: the outcome so far, or a rejection. */
  private record Merged(ImportRow row, Pending contact, Outcome outcome, String timeZone, List<String> warnings,
      Problem problem) {
  }

  /** Stores {@code rows} and returns their report in order; consents of the lines in {@code rejected} are skipped. */
  List<Row> store(List<ImportRow> rows, Map<Long, Problem> rejected) {
    Instant now = clock.instant();
    Map<String, Pending> byPhone = load(rows);
    List<Merged> merged = rows.stream().map(row -> row.contact() == null
        ? new Merged(row, null, Outcome.REJECTED, null, List.of(), row.rejection())
        : merge(row, byPhone.get(row.contact().phone()))).toList();
    write(byPhone, now);
    Map<Long, Problem> newlyRejected = new LinkedHashMap<>();
    List<Row> report = merged.stream().map(m -> withConsent(m, rejected, newlyRejected)).toList();
    if (!newlyRejected.isEmpty()) {
      throw new ConsentsRejected(newlyRejected);
    }
    return report;
  }

  private Map<String, Pending> load(List<ImportRow> rows) {
    List<String> phones = rows.stream().filter(r -> r.contact() != null).map(r -> r.contact().phone()).distinct()
        .toList();
    Map<String, ContactRows.Stored> stored = contacts.findByPhones(phones);
    Map<Long, Pending> byId = new HashMap<>();
    Map<String, Pending> byPhone = new HashMap<>();
    for (String phone : phones) {
      Pending pending = new Pending(stored.get(phone));
      byPhone.put(phone, pending);
      if (pending.stored != null) {
        byId.put(pending.id, pending);
      }
    }
    for (String applied : contacts.fingerprints(byId.keySet())) {
      int colon = applied.indexOf(':');
      byId.get(Long.parseLong(applied.substring(0, colon))).known.add(applied.substring(colon + 1));
    }
    return byPhone;
  }

  private static Merged merge(ImportRow row, Pending contact) {
    boolean first = contact.stored == null && contact.added.isEmpty();
    boolean seen = contact.known.contains(row.fingerprint()) || contact.added.contains(row.fingerprint());
    ContactFields before = contact.fields;
    if (!seen) {
      try {
        contact.fields = before.merge(row.contact());
      } catch (InvalidInputException e) {
        return new Merged(row, null, Outcome.REJECTED, null, row.warnings(),
            new Problem(ImportRowReader.column(e.field()), e.problem()));
      }
      contact.added.add(row.fingerprint());
    }
    Outcome outcome = first ? Outcome.IMPORTED : contact.fields.equals(before) ? Outcome.UNCHANGED : Outcome.UPDATED;
    List<String> warnings = new ArrayList<>(row.warnings());
    if (row.badTimeZone() != null) {
      warnings.add("timezone: '" + row.badTimeZone() + "' is not an IANA time zone; " + used(contact.fields));
    }
    return new Merged(row, contact, outcome, contact.fields.timeZone(), List.copyOf(warnings), null);
  }

  private static String used(ContactFields fields) {
    if (fields.timeZone() == null) {
      return "no zone used: the number spans several zones";
    }
    return switch (fields.timeZoneSource()) {
      case STATE -> "state " + fields.region() + " used (" + fields.timeZone() + ")";
      case NUMBER -> "the number's zone used (" + fields.timeZone() + ")";
      case EXPLICIT -> "the stored zone kept (" + fields.timeZone() + ")";
    };
  }

  private void write(Map<String, Pending> byPhone, Instant now) {
    Map<String, ContactFields> created = new LinkedHashMap<>();
    List<ContactRows.Stored> changed = new ArrayList<>();
    byPhone.forEach((phone, p) -> {
      if (p.stored == null && !p.added.isEmpty()) {
        created.put(phone, p.fields);
      } else if (p.stored != null && !p.fields.equals(p.stored.fields())) {
        changed.add(new ContactRows.Stored(p.id, phone, p.stored.version(), p.fields));
      }
    });
    contacts.update(changed, now);
    contacts.insert(created, now).forEach((phone, id) -> byPhone.get(phone).id = id);
    List<Map.Entry<Long, String>> fingerprints = new ArrayList<>();
    byPhone.values().forEach(p -> p.added.forEach(f -> fingerprints.add(Map.entry(p.id, f))));
    contacts.addFingerprints(fingerprints, now);
  }

  private Row withConsent(Merged m, Map<Long, Problem> rejected, Map<Long, Problem> newlyRejected) {
    ImportRow row = m.row();
    if (m.outcome() == Outcome.REJECTED) {
      return new Row(row.line(), row.externalId(), Outcome.REJECTED, row.contact() == null ? null
          : row.contact().phone(), null, m.problem().field(), m.problem().problem(), m.warnings());
    }
    Outcome outcome = m.outcome();
    Problem problem = row.consentRejection() != null ? row.consentRejection() : rejected.get(row.line());
    if (problem == null && row.consent() != null) {
      ImportedConsentSink sink = consents.getIfAvailable();
      ImportedConsentSink.Result result = sink == null
          ? ImportedConsentSink.Result.rejected("topics", "cannot be recorded: no consent ledger in this application")
          : sink.record(m.contact().fields.toView(m.contact().id, row.contact().phone()),
              row.consent().seen(m.contact().stored == null && m.contact().offered.add(row.consent().sourceRef())));
      // whatever the sink wrote through JPA is in the database; without this the persistence context grows with
      // the chunk and every query's auto-flush walks all of it
      entities.flush();
      entities.clear();
      switch (result.status()) {
        case RECORDED -> outcome = outcome == Outcome.UNCHANGED ? Outcome.UPDATED : outcome;
        case ALREADY_RECORDED -> { }
        case REJECTED -> {
          problem = new Problem(consentColumn(result.field()), result.problem());
          newlyRejected.put(row.line(), problem);
        }
      }
    }
    return problem == null
        ? new Row(row.line(), row.externalId(), outcome, row.contact().phone(), m.timeZone(), null, null, m.warnings())
        : new Row(row.line(), row.externalId(), Outcome.CONSENT_REJECTED, row.contact().phone(), m.timeZone(),
            problem.field(), problem.problem(), m.warnings());
  }

  private static String consentColumn(String field) {
    return switch (field) {
      case "topics" -> "consent_topics";
      case "channel" -> "consent_channel";
      case "text" -> "consent_text";
      case "consentedAt" -> "consented_at";
      default -> "consent_" + field;
    };
  }
}
