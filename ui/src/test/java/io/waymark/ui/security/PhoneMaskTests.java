package io.waymark.ui.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneMaskTests {

  @Test
  void keepsCountryAreaAndLastTwoDigits() {
    assertThat(PhoneMask.mask("+14155550167")).isEqualTo("+1 415 ••• ••67");
    assertThat(PhoneMask.mask("+33612345678")).isEqualTo("+33 61 ••• ••78");
    assertThat(PhoneMask.mask(null)).isEmpty();
    assertThat(PhoneMask.mask("+1234")).isEqualTo("••••");
  }
}
