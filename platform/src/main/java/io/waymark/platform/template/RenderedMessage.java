package io.waymark.platform.template;

/**
 * A message ready to send: every token replaced by its value or fallback.
 *
 * @param messageClass the template's class ({@code transactional}, {@code alert}, {@code promotional})
 * @param subject the email subject, one line; null for SMS
 * @param analysis characters, encoding and segments of the body (SMS; null for email)
 * @param optOutWording whether the body carries opt-out wording; when a promotional follow-up template turns out to be
 *     the first message of a run and this is false, the sender appends {@link MessageTemplates#optOutText}
 */
public record RenderedMessage(String templateKey, int version, Channel channel, String messageClass,
    String subject, String body, SmsEncoding.Analysis analysis, boolean optOutWording) {
}
