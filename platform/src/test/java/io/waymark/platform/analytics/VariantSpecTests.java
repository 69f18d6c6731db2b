package io.waymark.platform.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.platform.support.InvalidInputException;
import org.junit.jupiter.api.Test;

class VariantSpecTests {

  @Test
  void parsesAndNormalisesASpec() {
    VariantSpec spec = VariantSpec.parse(" control:45,discount: 45 , holdout:10 ");

    assertThat(spec.names()).containsExactly("control", "discount", "holdout");
    assertThat(spec).hasToString("control:45, discount:45, holdout:10");
    assertThat(spec.hasHoldout()).isTrue();
  }

  @Test
  void picksVariantsByCumulativeWeights() {
    VariantSpec spec = VariantSpec.parse("control:45, discount:45, holdout:10");

    assertThat(spec.pick(0)).isEqualTo("control");
    assertThat(spec.pick(4499)).isEqualTo("control");
    assertThat(spec.pick(4500)).isEqualTo("discount");
    assertThat(spec.pick(8999)).isEqualTo("discount");
    assertThat(spec.pick(9000)).isEqualTo("holdout");
    assertThat(spec.pick(9999)).isEqualTo("holdout");
  }

  @Test
  void refusesMalformedSpecsNamingTheField() {
    for (String bad : new String[] {"control:50, holdout:40", "control:50, control:50", "Control:50, holdout:50",
        "control, holdout:100", "control:x, holdout:50", "control:100", "control:0, holdout:100", ""}) {
      assertThatThrownBy(() -> VariantSpec.parse(bad)).as(bad).isInstanceOf(InvalidInputException.class)
          .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("variants");
    }
  }
}
