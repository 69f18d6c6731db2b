package io.waymark.platform.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The {@code waymark.policy.*} keys as Spring Boot binds them. */
class PolicyPropertiesTests {

  private static PolicyProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("waymark.policy", PolicyProperties.class);
  }

  @Test
  void capsPromotionAtThreePerWeekAndReadsTheShippedTableByDefault() {
    PolicyProperties defaults = bind(Map.of());

    assertThat(defaults.caps()).containsExactly(new PolicyProperties.Cap("promotional", "*", 3, Duration.ofDays(7)));
    assertThat(defaults.rules()).isEqualTo("classpath:policy/send-rules.tsv");
  }

  @Test
  void replacesTheDefaultCapsWithConfiguredOnes() {
    PolicyProperties configured = bind(Map.of(
        "waymark.policy.caps[0].message-class", "promotional",
        "waymark.policy.caps[0].max", "5",
        "waymark.policy.caps[0].window", "30d",
        "waymark.policy.caps[1].message-class", "alert",
        "waymark.policy.caps[1].topic", "appointments",
        "waymark.policy.caps[1].max", "2",
        "waymark.policy.caps[1].window", "PT12H",
        "waymark.policy.rules", "file:/etc/waymark/send-rules.tsv"));

    assertThat(configured.caps()).containsExactly(
        new PolicyProperties.Cap("promotional", "*", 5, Duration.ofDays(30)),
        new PolicyProperties.Cap("alert", "appointments", 2, Duration.ofHours(12)));
    assertThat(configured.rules()).isEqualTo("file:/etc/waymark/send-rules.tsv");
  }

  @Test
  void rejectsACapWithAnUnknownMessageClassNamingTheKey() {
    PolicyProperties.Cap marketing = new PolicyProperties.Cap("marketing", "*", 3, Duration.ofDays(7));

    assertThatThrownBy(() -> FrequencyCap.of(marketing, "waymark.policy.caps[0]"))
        .hasMessageStartingWith("waymark.policy.caps[0]: ")
        .hasMessageContaining("'marketing' is not a message class");
  }
}
