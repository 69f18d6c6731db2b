package io.waymark.platform.consent;

import io.waymark.platform.support.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks ledger input before anything is written; every failure names its field. */
final class ConsentValidation {

  /** How an opt-in was captured. */
  static final Set<String> OPT_IN_CHANNELS = Set.of("web-form", "checkout", "keyword", "agent", "import", "api");
  /** How a revocation reached us. */
  static final Set<String> REVOCATION_CHANNELS = Set.of("sms", "api", "agent", "email", "web-form", "provider",
      "import");

  private static final Pattern TOPIC = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final Pattern BRAND = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final Clock clock;

  ConsentValidation(Clock clock) {
    this.clock = clock;
  }

  Set<String> optIn(OptIn optIn) {
    if (optIn.topics() == null || optIn.topics().isEmpty()) {
      throw new InvalidInputException("topics", "at least one topic is required");
    }
    Set<String> topics = topics(optIn.topics());
    brand(optIn.brand());
    channel(optIn.channel(), OPT_IN_CHANNELS);
    if (optIn.disclosureText() == null || optIn.disclosureText().isBlank()) {
      throw new InvalidInputException("text", "the disclosure text the contact agreed to is required");
    }
    if (optIn.disclosureText().length() > 2000) {
      throw new InvalidInputException("text", "is longer than 2000 characters");
    }
    moment("occurredAt", optIn.occurredAt());
    return topics;
  }

  Set<String> revocation(Revocation revocation) {
    Set<String> topics = revocation.topics() == null ? Set.of() : topics(revocation.topics());
    brand(revocation.brand());
    channel(revocation.channel(), REVOCATION_CHANNELS);
    if (revocation.rawText() == null) {
      throw new InvalidInputException("text", "the words of the revocation are required (may be empty for API calls)");
    }
    if (revocation.rawText().length() > 1600) {
      throw new InvalidInputException("text", "is longer than 1600 characters");
    }
    moment("receivedAt", revocation.receivedAt());
    return topics;
  }

  private static Set<String> topics(List<String> topics) {
    Set<String> valid = new LinkedHashSet<>();
    for (String topic : topics) {
      if (topic == null || !TOPIC.matcher(topic).matches()) {
        throw new InvalidInputException("topics", "'" + topic + "' is not a topic (lower-case letters, digits, '-')");
      }
      valid.add(topic);
    }
    return valid;
  }

  private static void brand(String brand) {
    if (brand == null || !BRAND.matcher(brand).matches()) {
      throw new InvalidInputException("brand", "'" + brand + "' is not a brand code (lower-case letters, digits, '-')");
    }
  }

  private static void channel(String channel, Set<String> allowed) {
    if (channel == null || !allowed.contains(channel)) {
      throw new InvalidInputException("channel", "'" + channel + "' is not one of " + allowed);
    }
  }

  private void moment(String field, Instant at) {
    if (at == null) {
      throw new InvalidInputException(field, "is missing");
    }
    if (at.isAfter(clock.instant().plus(CLOCK_SKEW))) {
      throw new InvalidInputException(field, "lies in the future");
    }
  }
}
