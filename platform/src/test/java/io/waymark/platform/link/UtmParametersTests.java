package io.waymark.platform.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UtmParametersTests {

  @Test
  void appendsSourceMediumCampaignAndContentInThatOrder() {
    assertThat(UtmParameters.append("https://shop.example/cart", "PROMOTIONAL", "cart-recovery", "discount"))
        .isEqualTo("https://shop.example/cart?utm_source=sms&utm_medium=promotional&utm_campaign=cart-recovery"
            + "&utm_content=discount");
  }

  @Test
  void keepsTheTargetsOwnQueryAndNeverOverwritesAParameterItHas() {
    assertThat(UtmParameters.append("https://shop.example/c?id=7&utm_source=newsletter", "alert", "win-back", null))
        .isEqualTo("https://shop.example/c?id=7&utm_source=newsletter&utm_medium=alert&utm_campaign=win-back");
    assertThat(UtmParameters.append("https://shop.example/c?", "alert", null, null))
        .isEqualTo("https://shop.example/c?utm_source=sms&utm_medium=alert");
  }

  @Test
  void keepsTheFragmentAfterTheQuery() {
    assertThat(UtmParameters.append("https://shop.example/c?id=7#reviews", "promotional", "p", null))
        .isEqualTo("https://shop.example/c?id=7&utm_source=sms&utm_medium=promotional&utm_campaign=p#reviews");
    assertThat(UtmParameters.append("https://shop.example/c#top", "promotional", null, null))
        .isEqualTo("https://shop.example/c?utm_source=sms&utm_medium=promotional#top");
  }

  @Test
  void encodesValuesAndLeavesOutMissingOnes() {
    assertThat(UtmParameters.append("https://s.example/", "transactional", "spring sale&more", "  "))
        .isEqualTo("https://s.example/?utm_source=sms&utm_medium=transactional&utm_campaign=spring%20sale%26more");
  }
}
