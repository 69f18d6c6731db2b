package io.waymark.platform.journey;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code waymark.journeys.triggers}: event type to the process id of the journey it starts, e.g.
 * {@code waymark.journeys.triggers[lead.created]=lead-follow-up}.
 */
@ConfigurationProperties("waymark.journeys")
record TriggerProperties(Map<String, String> triggers) {

  TriggerProperties {
    triggers = triggers == null ? Map.of() : Map.copyOf(triggers);
  }
}
