package io.waymark.platform.contact;

import java.util.List;

/**
 * One CSV data row, checked and ready to store: its contact (null when the row is rejected), the values dropped with
 * a warning, its consent (null when it has none or the consent is rejected), and its fingerprint (the SHA-256 of
 * its contact columns, to recognise a row imported before).
 *
 * @param rejection why nothing of the row can be stored, or null
 * @param badTimeZone the time zone as given when it is no IANA zone (warned about once the zone is decided)
 * @param consentRejection why the row's consent cannot be recorded, or null
 */
record ImportRow(
    long line,
    String externalId,
    ContactInput contact,
    Problem rejection,
    List<String> warnings,
    String badTimeZone,
    ImportedConsent consent,
    Problem consentRejection,
    String fingerprint) {

  /** A CSV column and what is wrong with its value. */
  record Problem(String field, String problem) {
  }

  static ImportRow rejected(long line, String externalId, Problem rejection) {
    return new ImportRow(line, externalId, null, rejection, List.of(), null, null, null, null);
  }

  ImportRow withConsentRejection(Problem problem) {
    return new ImportRow(line, externalId, contact, rejection, warnings, badTimeZone, null, problem, fingerprint);
  }
}
