package io.waymark.platform.consent;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code waymark.consent.*}: the brand's compliance texts and keyword sign-ups.
 *
 * @param brand the brand code recorded on consent lines
 * @param helpText the answer to HELP (must name the brand and how to stop)
 * @param optOutConfirmation the one message an opted-out contact gets (no marketing)
 * @param optInConfirmation the answer to START / a confirmed keyword sign-up
 * @param signupWindow how long a keyword sign-up waits for YES
 * @param keywords keyword sign-ups (double opt-in)
 */
@ConfigurationProperties("waymark.consent")
public record ConsentProperties(
    @DefaultValue("default") String brand,
    @DefaultValue("Waymark demo: for help reply HELP or write to help@example.com. Msg&data rates may apply. "
        + "Reply STOP to cancel.") String helpText,
    @DefaultValue("You are unsubscribed and will receive no further messages. Reply START to resubscribe.")
    String optOutConfirmation,
    @DefaultValue("You are subscribed again. Reply HELP for help, STOP to cancel.") String optInConfirmation,
    @DefaultValue("PT24H") Duration signupWindow,
    List<Keyword> keywords) {

  public ConsentProperties {
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
  }

  /**
   * A sign-up keyword (e.g. JOIN) for the topics it subscribes to, with the disclosure Waymark answers with;
   * {@code number} limits it to messages sent to one of Waymark's numbers (null: any).
   */
  public record Keyword(String keyword, List<String> topics, String disclosure, String number) {
  }
}
