package io.waymark.demo;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code waymark.demo.traffic.*}: the demo traffic simulator (embedded mode with the sandbox provider only).
 * {@code enabled} offers it (the dashboard's "Play demo traffic" for admins); {@code contacts} how many new contacts
 * one run brings; {@code seed} the random seed of their behaviour (the same seed plays the same story);
 * {@code waitForMessages} how long a run waits for the journeys' texts; {@code autoRun} plays once at the first start
 * (no journey run recorded yet).
 */
@ConfigurationProperties("waymark.demo.traffic")
public record DemoTrafficProperties(@DefaultValue("true") boolean enabled, @DefaultValue("150") int contacts,
    @DefaultValue("42") long seed, @DefaultValue("PT90S") Duration waitForMessages,
    @DefaultValue("false") boolean autoRun) {

  public DemoTrafficProperties {
    if (contacts < 1 || contacts > 1000) {
      throw new IllegalArgumentException("waymark.demo.traffic.contacts must be between 1 and 1000, not " + contacts);
    }
  }
}
