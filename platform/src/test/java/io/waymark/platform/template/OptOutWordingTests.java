package io.waymark.platform.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OptOutWordingTests {

  @ParameterizedTest
  @ValueSource(strings = {
      "Deals inside! Reply STOP to opt out.",
      "Deals inside! reply stop to opt-out",
      "Deals inside! Reply STOP to unsubscribe",
      "Deals inside. Text STOP to cancel",
      "Deals inside. Txt STOP 2 end",
      "Deals inside. STOP to end",
      "Deals inside. Reply “STOP” to quit",
      "Deals inside. To opt out, reply STOP.",
      "Deals inside. Unsubscribe: text STOP",
      "Deals inside. Reply\u00A0STOP to\nopt out"})
  void recognisesTheCommonForms(String text) {
    assertThat(OptOutWording.present(text, null)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Deals inside!",
      "Don't stop now, 20% off!",
      "Reply YES to join",
      "Stop by our store to see the deals",
      "STOPS to end"})
  void rejectsTextWithoutIt(String text) {
    assertThat(OptOutWording.present(text, null)).isFalse();
  }

  @Test
  void acceptsTheBrandsOwnPhrase() {
    String phrase = "Text QUIT to leave Acme alerts.";

    assertThat(OptOutWording.present("New arrivals are in. text quit to leave ACME alerts", phrase)).isTrue();
    assertThat(OptOutWording.present("New arrivals are in. Text QUIT to leave", phrase)).isFalse();
    assertThat(OptOutWording.present("New arrivals are in.", "  ")).isFalse();
  }
}
