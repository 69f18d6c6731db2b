package io.waymark.platform.journey;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code waymark.journeys}: what each event type does. {@code triggers} maps an event type to the process id of the
 * journey it starts ({@code waymark.journeys.triggers[lead.created]=lead-follow-up}); {@code messages} maps an event
 * type to a message for running journeys ({@code waymark.journeys.messages[order.completed].message=conversion}),
 * correlated by each of {@code correlate-by}: {@code contact} (the contact's id, the key of contact-wide stop rules)
 * or {@code attributes.<name>} (a value the event must carry, e.g. the cart id), either optionally after a prefix
 * ({@code cart:attributes.cartId} correlates by {@code cart:} and the cart id, so that a cart id never meets a contact
 * id under the same message name), kept {@code time-to-live} so that an instance about to wait still receives it. An
 * event type has one meaning only.
 */
@ConfigurationProperties("waymark.journeys")
record TriggerProperties(Map<String, String> triggers, Map<String, MessageTrigger> messages) {

  TriggerProperties {
    triggers = triggers == null ? Map.of() : Map.copyOf(triggers);
    Map<String, MessageTrigger> checked = new LinkedHashMap<>();
    if (messages != null) {
      for (Map.Entry<String, MessageTrigger> entry : messages.entrySet()) {
        String type = entry.getKey();
        String path = "waymark.journeys.messages[" + type + "]";
        if (triggers.containsKey(type)) {
          throw new IllegalArgumentException(path + ": '" + type + "' already starts the journey "
              + triggers.get(type) + "; an event type either starts a journey or steers running ones");
        }
        checked.put(type, entry.getValue().validated(path));
      }
    }
    messages = Map.copyOf(checked);
  }

  /** A message to running journeys: its name, where each correlation key comes from, and how long it waits. */
  record MessageTrigger(String message, List<String> correlateBy, Duration timeToLive) {

    static final String CONTACT = "contact";
    static final String ATTRIBUTE_PREFIX = "attributes.";

    /** {@code cart:attributes.cartId} → {@code cart:}; no prefix → empty. */
    static String prefix(String key) {
      int colon = key.lastIndexOf(':');
      return colon < 0 ? "" : key.substring(0, colon + 1);
    }

    /** {@code cart:attributes.cartId} → {@code attributes.cartId}. */
    static String source(String key) {
      return key.substring(prefix(key).length());
    }

    MessageTrigger validated(String path) {
      if (message == null || !message.matches("[a-z][a-z0-9-]*")) {
        throw new IllegalArgumentException(path + ".message: must be a kebab-case message name, was '" + message
            + "'");
      }
      List<String> keys = correlateBy == null || correlateBy.isEmpty() ? List.of(CONTACT) : List.copyOf(correlateBy);
      for (String key : keys) {
        String source = source(key);
        if (!source.equals(CONTACT)
            && !(source.startsWith(ATTRIBUTE_PREFIX) && source.length() > ATTRIBUTE_PREFIX.length())) {
          throw new IllegalArgumentException(path + ".correlate-by: '" + key
              + "' is neither 'contact' nor 'attributes.<name>' (optionally after a prefix such as 'cart:')");
        }
      }
      Duration ttl = timeToLive == null ? Duration.ofMinutes(5) : timeToLive;
      if (ttl.isNegative()) {
        throw new IllegalArgumentException(path + ".time-to-live: must not be negative");
      }
      return new MessageTrigger(message, keys, ttl);
    }
  }
}
