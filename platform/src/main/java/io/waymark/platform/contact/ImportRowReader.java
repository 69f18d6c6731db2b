package io.waymark.platform.contact;

import io.waymark.platform.support.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a {@link ContactCsv.Row} into an {@link ImportRow} without touching the database. Only a bad phone or
 * country rejects a row; any other bad contact value is dropped with a warning naming its column. The consent
 * columns are all blank (no consent) or make a consent, checked here as far as the CSV goes (present, readable
 * timestamp) and by the ledger for the rest.
 */
final class ImportRowReader {

  private static final List<String> CONSENT_COLUMNS = List.of("consent_topics", "consent_channel", "consent_text",
      "consented_at");
  private static final Map<String, String> COLUMN_OF_FIELD = Map.ofEntries(Map.entry("firstName", "first_name"),
      Map.entry("lastName", "last_name"), Map.entry("region", "state"), Map.entry("timeZone", "timezone"),
      Map.entry("lifecycleStage", "lifecycle_stage"), Map.entry("attributes", "attr_*"));

  private final String defaultCountry;

  ImportRowReader(String defaultCountry) {
    this.defaultCountry = defaultCountry;
  }

  ImportRow read(ContactCsv.Row row) {
    String externalId = row.get("external_id");
    if (row.problem() != null) {
      return ImportRow.rejected(row.line(), externalId, new ImportRow.Problem("row", row.problem()));
    }
    List<String> warnings = new ArrayList<>();
    String[] badTimeZone = new String[1];
    ContactInput contact;
    try {
      contact = ContactRules.check(details(row), defaultCountry, problem -> {
        if (problem.field().equals("timeZone")) {
          badTimeZone[0] = row.get("timezone");
        } else {
          warnings.add(column(problem.field()) + ": " + problem.problem() + "; value not imported");
        }
      });
    } catch (InvalidInputException e) {
      return ImportRow.rejected(row.line(), externalId, new ImportRow.Problem(column(e.field()), e.problem()));
    }
    ImportRow checked = new ImportRow(row.line(), externalId, contact, null, List.copyOf(warnings), badTimeZone[0],
        null, null, fingerprint(contact.phone(), row));
    return consent(row, checked);
  }

  /** The CSV column for a field name of {@link ContactRules}. */
  static String column(String field) {
    if (field.startsWith("attributes.")) {
      return ContactCsv.ATTRIBUTE_PREFIX + field.substring("attributes.".length());
    }
    return COLUMN_OF_FIELD.getOrDefault(field, field);
  }

  private static ContactDetails details(ContactCsv.Row row) {
    Map<String, String> attributes = new LinkedHashMap<>();
    row.values().forEach((column, value) -> {
      if (column.startsWith(ContactCsv.ATTRIBUTE_PREFIX)) {
        attributes.put(column.substring(ContactCsv.ATTRIBUTE_PREFIX.length()), value);
      }
    });
    String topics = row.get("topics");
    return new ContactDetails(row.get("phone"), row.get("country"), row.get("first_name"), row.get("last_name"),
        row.get("email"), row.get("locale"), row.get("state"), row.get("timezone"), row.get("lifecycle_stage"),
        row.get("owner"), topics == null ? null : split(topics), attributes);
  }

  private static ImportRow consent(ContactCsv.Row row, ImportRow checked) {
    if (CONSENT_COLUMNS.stream().allMatch(column -> row.get(column) == null)) {
      return checked;
    }
    for (String column : CONSENT_COLUMNS) {
      if (row.get(column) == null) {
        return checked.withConsentRejection(new ImportRow.Problem(column, "is missing (the row has other consent "
            + "columns)"));
      }
    }
    Instant consentedAt;
    try {
      consentedAt = OffsetDateTime.parse(row.get("consented_at")).toInstant();
    } catch (DateTimeParseException e) {
      return checked.withConsentRejection(new ImportRow.Problem("consented_at", "'" + row.get("consented_at")
          + "' is not an ISO-8601 timestamp with offset, such as 2026-03-02T18:00:00-08:00 or 2026-03-03T02:00:00Z"));
    }
    List<String> topics = split(row.get("consent_topics"));
    String channel = row.get("consent_channel");
    String text = row.get("consent_text");
    String sourceRef = "import:" + sha256(checked.contact().phone(), String.join(";", topics.stream().sorted()
        .toList()), channel, text, consentedAt.toString());
    return new ImportRow(checked.line(), checked.externalId(), checked.contact(), null, checked.warnings(),
        checked.badTimeZone(), new ImportedConsent(topics, channel, text, consentedAt, sourceRef, false), null,
        checked.fingerprint());
  }

  /** The row's contact columns (not its id, not its consent) with the E.164 number, in a fixed order. */
  private static String fingerprint(String phone, ContactCsv.Row row) {
    TreeMap<String, String> columns = new TreeMap<>();
    row.values().forEach((column, value) -> {
      if (!column.equals("external_id") && !CONSENT_COLUMNS.contains(column) && !value.isBlank()) {
        columns.put(column, value.strip());
      }
    });
    List<String> parts = new ArrayList<>(List.of(phone));
    columns.forEach((column, value) -> parts.add(column + "=" + value));
    return sha256(parts.toArray(String[]::new));
  }

  private static List<String> split(String list) {
    return Arrays.stream(list.split(";")).map(String::strip).filter(topic -> !topic.isEmpty()).toList();
  }

  private static String sha256(String... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        digest.update(part.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
