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
 */
public record DraftContent(String subject, String body, Integer maxSegments, Boolean followUp) {

  /** An SMS body with the default segment limit, not a follow-up. */
  public static DraftContent sms(String body) {
    return new DraftContent(null, body, null, null);
  }

  /** An email subject and body. */
  public static DraftContent email(String subject, String body) {
    return new DraftContent(subject, body, null, null);
  }
}
