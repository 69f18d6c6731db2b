package io.waymark.platform.consent;

/**
 * How {@link ReplyClassifier} read one reply.
 *
 * @param replyClass what the reply means
 * @param matchedRule the rule that decided, for the audit trail: {@code keyword:stop}, {@code phrase:<regex>},
 *     {@code symbol:🛑}, {@code answer:<the prompt's answer key>}, {@code answer-word:yes}, or {@code none} for
 *     {@link ReplyClass#OTHER}
 * @param language the language of the deciding rule ({@code en}, {@code es}, {@code fr}, {@code de}), or {@code und}
 *     (undetermined) for symbols, prompt answer keys and {@link ReplyClass#OTHER}. A word shared by languages, like
 *     STOP, counts as {@code en}: this is a hint at the reply's wording, not language detection.
 */
public record ReplyClassification(ReplyClass replyClass, String matchedRule, String language) {
}
