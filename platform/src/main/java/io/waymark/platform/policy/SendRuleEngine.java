package io.waymark.platform.policy;

import static io.waymark.platform.policy.SendDecision.CAP_REACHED;
import static io.waymark.platform.policy.SendDecision.EXPIRED;
import static io.waymark.platform.policy.SendDecision.QUIET_HOURS;
import static io.waymark.platform.policy.SendDecision.UNKNOWN_TIME_ZONE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The timing half of the send decision, without Spring or a database: expiry, frequency caps and quiet hours for a
 * recipient whose consent has already been checked.
 *
 * <ol>
 * <li>{@code now} after {@code notAfter}: SUPPRESS {@code EXPIRED}.</li>
 * <li>Caps (configured ones plus the table's): the earliest moment every cap has room again. If that is after
 * {@code notAfter}: SUPPRESS {@code CAP_REACHED}.</li>
 * <li>Windows: the earliest moment from then on inside every window in every zone of the recipient. None within
 * {@value QuietHours#HORIZON_DAYS} days: SUPPRESS {@code QUIET_HOURS}; after {@code notAfter}: SUPPRESS
 * {@code EXPIRED}.</li>
 * <li>That moment is {@code now}: SEND; otherwise DEFER until it, with reason {@code CAP_REACHED} when the cap set the
 * moment and {@code QUIET_HOURS} when a window did.</li>
 * </ol>
 */
final class SendRuleEngine {

  private final SendRules rules;
  private final List<FrequencyCap> caps;

  SendRuleEngine(SendRules rules, List<FrequencyCap> caps) {
    this.rules = rules;
    this.caps = List.copyOf(caps);
  }

  Ruling decide(SendRequest request, MessageClass messageClass, Recipient recipient, SendHistory history) {
    Instant now = request.now();
    Instant notAfter = request.notAfter();
    if (notAfter != null && now.isAfter(notAfter)) {
      return Ruling.suppress(EXPIRED, "notAfter " + notAfter + " has passed");
    }
    List<SendRule> applicable = rules.applicable(messageClass, recipient.country(), recipient.region());

    Instant capFree = now;
    FrequencyCap binding = null;
    for (FrequencyCap cap : caps(messageClass, request.topic(), applicable)) {
      Optional<Instant> free = cap.freeAt(history, request.contact(), now);
      if (free.isEmpty()) {
        return Ruling.suppress(CAP_REACHED, cap.describe() + " reached; the send history cannot say when it frees");
      }
      if (free.get().isAfter(capFree)) {
        capFree = free.get();
        binding = cap;
      }
    }
    if (binding != null && notAfter != null && capFree.isAfter(notAfter)) {
      return Ruling.suppress(CAP_REACHED, binding.describe() + " reached until " + capFree
          + ", after notAfter " + notAfter);
    }

    List<LocalWindow> windows = applicable.stream().map(SendRule::window).filter(Objects::nonNull).toList();
    if (!windows.isEmpty() && recipient.zones().isEmpty()) {
      return Ruling.suppress(UNKNOWN_TIME_ZONE, "no time zone for the contact or its number; " + describe(windows));
    }
    Optional<Instant> next = QuietHours.nextAllowed(capFree, recipient.zones(), windows);
    if (next.isEmpty()) {
      return Ruling.suppress(QUIET_HOURS, "no moment in the next " + QuietHours.HORIZON_DAYS + " days is inside "
          + describe(windows) + " in every zone of " + recipient.zones());
    }
    Instant at = next.get();
    if (at.equals(now)) {
      return Ruling.send();
    }
    if (notAfter != null && at.isAfter(notAfter)) {
      return Ruling.suppress(EXPIRED, "next allowed " + at + " by " + describe(windows) + " in " + recipient.zones()
          + " is after notAfter " + notAfter);
    }
    if (binding != null && at.equals(capFree)) {
      return Ruling.defer(at, CAP_REACHED, binding.describe() + " reached until " + at);
    }
    return Ruling.defer(at, QUIET_HOURS, "outside " + describe(windows) + " in " + recipient.zones()
        + (binding == null ? "" : " once " + binding.describe() + " frees at " + capFree) + "; next allowed " + at);
  }

  private List<FrequencyCap> caps(MessageClass messageClass, String topic, List<SendRule> applicable) {
    List<FrequencyCap> all = new ArrayList<>();
    caps.stream().filter(cap -> cap.appliesTo(messageClass, topic)).forEach(all::add);
    applicable.stream().filter(rule -> rule.cap() != null).map(rule -> rule.capFor(messageClass)).forEach(all::add);
    return all;
  }

  private static String describe(List<LocalWindow> windows) {
    return windows.stream().map(LocalWindow::describe).collect(Collectors.joining(" and "));
  }
}
