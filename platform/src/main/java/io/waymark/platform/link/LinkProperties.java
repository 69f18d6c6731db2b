package io.waymark.platform.link;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code waymark.links.*}.
 *
 * @param baseUrl the origin short links are written with ({@code <base-url>/l/<code>}); empty: {@code waymark.public-base-url}
 * @param defaultExpiry how long a link stays open when its template version sets no {@code linkExpiryHours}
 * @param previewAgents parts of user agents (case-insensitive) that mark a messaging app's link-preview bot: such a
 *     visit is recorded as a PREVIEW, publishes nothing and still redirects (the preview shows the real page)
 */
@ConfigurationProperties("waymark.links")
record LinkProperties(
    String baseUrl,
    @DefaultValue("PT72H") Duration defaultExpiry,
    @DefaultValue({"facebookexternalhit", "Facebot", "WhatsApp", "Twitterbot", "Slackbot", "TelegramBot", "Discordbot",
        "LinkedInBot", "SkypeUriPreview", "Applebot", "iMessage", "com.apple", "Googlebot", "bingbot", "redditbot",
        "Pinterest", "vkShare", "Viber", "snapchat"}) List<String> previewAgents) {

  LinkProperties {
    previewAgents = previewAgents == null ? List.of()
        : previewAgents.stream().filter(a -> a != null && !a.isBlank()).map(a -> a.strip().toLowerCase(Locale.ROOT))
            .toList();
    if (defaultExpiry == null || defaultExpiry.isNegative() || defaultExpiry.isZero()) {
      throw new IllegalStateException("waymark.links.default-expiry must be a positive duration, not " + defaultExpiry);
    }
  }

  /** Whether {@code userAgent} is a known link-preview bot. */
  boolean preview(String userAgent) {
    if (userAgent == null) {
      return false;
    }
    String agent = userAgent.toLowerCase(Locale.ROOT);
    return previewAgents.stream().anyMatch(agent::contains);
  }
}
