package io.waymark.platform.template;

/**
 * The content of a template version.
 *
 * @param subject the email subject (required for email, one line; must be empty for SMS)
 * @param body the text with tokens ({@code Hi {firstName|there}})
 * @param maxSegments SMS only: the most segments a rendered message may take, 1 to 10 (null: the configured default,
 *     3 unless {@code waymark.templates.default-max-segments} says otherwise)
 * @param followUp true when the template is only sent after a first message of its journey, so that a promotional
 *     SMS need not carry the opt-out wording itself (null: false)
 * @param linkExpiryHours SMS only: how long the short links of its messages ({@code {link:...}}) stay open, 1 to 8760
 *     hours (null: the link module's default, {@code waymark.links.default-expiry}, 72 hours)
 */
public record DraftContent(String subject, String body, Integer maxSegments, Boolean followUp,
    Integer linkExpiryHours) {

  /** Content whose links take the default expiry. */
  public DraftContent(String subject, String body, Integer maxSegments, Boolean followUp) {
    this(subject, body, maxSegments, followUp, null);
  }

  /** An SMS body with the default segment limit, not a follow-up. */
  public static DraftContent sms(String body) {
    return new DraftContent(null, body, null, null);
  }

  /** An email subject and body. */
  public static DraftContent email(String subject, String body) {
    return new DraftContent(subject, body, null, null);
  }
}
