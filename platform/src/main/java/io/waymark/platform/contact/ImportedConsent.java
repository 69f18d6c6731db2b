package io.waymark.platform.contact;

import java.time.Instant;
import java.util.List;

/**
 * The consent columns of one CSV import row, for {@link ImportedConsentSink}: the topics, how the consent was
 * captured ({@code channel}), the disclosure text the contact agreed to, when (UTC), and a source reference that is
 * the same every time the same row is imported ({@code import:} and a SHA-256 of the phone and these values).
 *
 * @param unseen true when no record can carry {@code sourceRef} yet: the import created the contact in this same
 *     transaction and no earlier row offered the same consent; the sink may then skip looking for one
 */
public record ImportedConsent(
    List<String> topics,
    String channel,
    String text,
    Instant consentedAt,
    String sourceRef,
    boolean unseen) {

  ImportedConsent seen(boolean unseen) {
    return new ImportedConsent(topics, channel, text, consentedAt, sourceRef, unseen);
  }
}
