package io.waymark.platform.policy;

import io.waymark.platform.support.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What kind of message is asking to go out; the send rules differ by class.
 * <ul>
 * <li>{@link #TRANSACTIONAL}: one-time codes, order and delivery updates the recipient triggered. No quiet hours, no
 * caps: the quiet-hour laws cover solicitations, and a late one-time code is useless.</li>
 * <li>{@link #ALERT}: account, appointment and service notices. Not solicitations either, but kept out of the night
 * (07:00-22:00 local, a Waymark house rule in the rules table). Urgent fraud or security alerts go as
 * transactional.</li>
 * <li>{@link #PROMOTIONAL}: anything that markets. Federal, state and country quiet hours and frequency caps.</li>
 * </ul>
 */
public enum MessageClass {
  TRANSACTIONAL, ALERT, PROMOTIONAL;

  /** The lower-case name used in BPMN variables, the outbound ledger and {@link SendHistory}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads an id case-insensitively; anything else is an {@link InvalidInputException} on {@code messageClass}. */
  public static MessageClass parse(String text) {
    for (MessageClass candidate : values()) {
      if (text != null && candidate.id().equalsIgnoreCase(text.strip())) {
        return candidate;
      }
    }
    throw new InvalidInputException("messageClass", "'" + text + "' is not a message class (one of "
        + Arrays.stream(values()).map(MessageClass::id).collect(Collectors.joining(", ")) + ")");
  }
}
