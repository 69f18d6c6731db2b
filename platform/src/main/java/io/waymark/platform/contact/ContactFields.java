package io.waymark.platform.contact;

import io.waymark.platform.support.InvalidInputException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything stored about a contact besides its number and bookkeeping, as one value: what the API upsert and the
 * CSV import both merge into, so that both follow the same rules.
 */
record ContactFields(
    String firstName,
    String lastName,
    String email,
    String locale,
    String region,
    String timeZone,
    TimeZones.Source timeZoneSource,
    String lifecycleStage,
    String owner,
    List<String> topics,
    Map<String, String> attributes) {

  static final ContactFields EMPTY = new ContactFields(null, null, null, null, null, null, null, null, null,
      List.of(), Map.of());

  /**
   * {@code input} merged in: its present values replace the stored ones, attributes are added, topics replaced when
   * given; the time zone is decided again ({@link TimeZones#resolve}). Fails on field {@code attributes} when the
   * merged attributes would not fit their column.
   */
  ContactFields merge(ContactInput input) {
    Map<String, String> merged = new LinkedHashMap<>(attributes);
    merged.putAll(input.attributes());
    if (AttributesConverter.write(merged).length() > ContactRules.MAX_ATTRIBUTES_JSON) {
      throw new InvalidInputException("attributes",
          "would hold more than " + ContactRules.MAX_ATTRIBUTES_JSON + " characters as JSON");
    }
    String mergedRegion = pick(input.region(), region);
    TimeZones.Resolved zone = TimeZones.resolve(input.timeZone(), timeZone, timeZoneSource, mergedRegion,
        input.phone());
    return new ContactFields(pick(input.firstName(), firstName), pick(input.lastName(), lastName),
        pick(input.email(), email), pick(input.locale(), locale), mergedRegion, zone.zone(), zone.source(),
        pick(input.lifecycleStage(), lifecycleStage), pick(input.owner(), owner),
        input.topics() == null ? topics : input.topics(), Collections.unmodifiableMap(merged));
  }

  ContactView toView(long id, String phone) {
    return new ContactView(new ContactId(id), phone, firstName, lastName, email, locale, region, timeZone,
        lifecycleStage, owner, topics, Map.copyOf(attributes));
  }

  private static String pick(String value, String current) {
    return value == null ? current : value;
  }
}
