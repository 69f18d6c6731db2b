package io.waymark.platform.policy;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code waymark.policy.*}.
 *
 * @param caps frequency caps counted on top of the rules table's legal caps. Unset: promotional, 3 per 7 days over
 *     all topics. Setting {@code caps[0]...} replaces the default; an empty list removes it.
 * @param rules where the rules table lives (a Spring resource location)
 */
@ConfigurationProperties("waymark.policy")
record PolicyProperties(List<Cap> caps, @DefaultValue(PolicyProperties.RULES) String rules) {

  static final String RULES = "classpath:policy/send-rules.tsv";
  static final Cap DEFAULT_CAP = new Cap("promotional", "*", 3, Duration.ofDays(7));

  PolicyProperties {
    caps = caps == null ? List.of(DEFAULT_CAP) : List.copyOf(caps);
  }

  /**
   * At most {@code max} messages of {@code messageClass} per rolling {@code window}; {@code topic} "*" counts every
   * topic together and applies to all, a topic name counts and applies to that topic only.
   */
  record Cap(String messageClass, @DefaultValue("*") String topic, int max, Duration window) {
  }
}
