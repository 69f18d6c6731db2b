package io.waymark.platform.template;

import java.time.Instant;
import java.util.List;

/**
 * One version of a template, with what it renders to with the token catalog's sample values.
 *
 * @param tokens the token names it uses, in order of first use
 * @param sampleSubject the subject rendered with sample values (email; null for SMS)
 * @param sampleBody the body rendered with sample values
 * @param analysis characters, encoding, segments of {@code sampleBody} (SMS; null for email)
 * @param optOutWording whether the body carries opt-out wording (common forms or the brand's)
 * @param linkExpiryHours how long its short links stay open (null: the default)
 */
public record VersionView(String key, int version, TemplateStatus status, String subject, String body,
    Integer maxSegments, boolean followUp, Integer linkExpiryHours, List<String> tokens, String sampleSubject, String sampleBody,
    SmsEncoding.Analysis analysis, boolean optOutWording, Instant createdAt, Instant updatedAt, String approvedBy,
    Instant approvedAt, String retiredBy, Instant retiredAt) {

  public VersionView {
    tokens = List.copyOf(tokens);
  }
}
