package io.waymark.platform.contact;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a contact's time zone comes from, strongest first: a zone given explicitly, the zone of the contact's US
 * state ({@code contact/us-state-time-zones.tsv}), the zone of the number when libphonenumber knows exactly one.
 * Otherwise none: the send policy then takes the most restrictive window over all the number's zones.
 */
final class TimeZones {

  /** How a stored time zone was decided; an explicit zone is only ever replaced by another explicit one. */
  enum Source { EXPLICIT, STATE, NUMBER }

  /** A decided zone and its source; both null when nothing decides. */
  record Resolved(String zone, Source source) {
    static final Resolved NONE = new Resolved(null, null);
  }

  private static final Map<String, String> IANA = new HashMap<>();
  private static final Map<String, String> STATES = loadStates("/contact/us-state-time-zones.tsv");

  static {
    ZoneId.getAvailableZoneIds().forEach(id -> IANA.put(id.toLowerCase(Locale.ROOT), id));
  }

  private TimeZones() {
  }

  /** The IANA zone id for {@code typed} (case-insensitive, e.g. {@code america/chicago}); empty if it names none. */
  static Optional<String> iana(String typed) {
    return typed == null ? Optional.empty() : Optional.ofNullable(IANA.get(typed.strip().toLowerCase(Locale.ROOT)));
  }

  /** The zone for a US state, DC or territory, by its two-letter code or its name; empty for anything else. */
  static Optional<String> ofState(String state) {
    return state == null ? Optional.empty() : Optional.ofNullable(STATES.get(key(state)));
  }

  /**
   * Decides the zone of the contact with number {@code phone} (E.164): a new {@code explicitZone} (already an IANA
   * id) wins; else a stored explicit zone stays; else the zone of {@code region} when it is a US state and the
   * number is North American; else the number's only zone; else none.
   */
  static Resolved resolve(String explicitZone, String storedZone, Source storedSource, String region, String phone) {
    if (explicitZone != null) {
      return new Resolved(explicitZone, Source.EXPLICIT);
    }
    if (storedSource == Source.EXPLICIT && storedZone != null) {
      return new Resolved(storedZone, Source.EXPLICIT);
    }
    Optional<String> state = phone.startsWith("+1") ? ofState(region) : Optional.empty();
    if (state.isPresent()) {
      return new Resolved(state.get(), Source.STATE);
    }
    List<String> zones = PhoneNumbers.timeZones(phone);
    return zones.size() == 1 ? new Resolved(zones.getFirst(), Source.NUMBER) : Resolved.NONE;
  }

  private static String key(String state) {
    return state.strip().replace('.', ' ').replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
  }

  private static Map<String, String> loadStates(String resource) {
    Map<String, String> states = new HashMap<>();
    try (InputStream in = TimeZones.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] columns = line.split("\t");
        String zone = ZoneId.of(columns[2]).getId();
        states.put(key(columns[0]), zone);
        states.put(key(columns[1]), zone);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    return Map.copyOf(states);
  }
}
