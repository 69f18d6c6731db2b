package io.waymark.platform.contact;

import java.util.List;

/**
 * The outcome of a CSV import, row by row, in file order.
 *
 * @param total the number of data rows
 * @param counts the rows per outcome
 * @param rows one entry per data row (a background import keeps only the rows with a problem or a warning)
 */
public record ImportReport(int total, Counts counts, List<Row> rows) {

  /** What happened to one row. */
  public enum Outcome {
    /** a new contact was created */
    IMPORTED,
    /** merged into an existing contact (perhaps created by an earlier row), or its consent was recorded */
    UPDATED,
    /** the row changed nothing (for instance, the same file imported again) */
    UNCHANGED,
    /** nothing of the row was stored; {@code field} and {@code problem} say why */
    REJECTED,
    /** the contact was stored but not the row's consent; {@code field} and {@code problem} say why */
    CONSENT_REJECTED
  }

  /**
   * One data row.
   *
   * @param line the line of the file where the row starts (the header is line 1)
   * @param phone the E.164 number, null when the row was rejected for its number
   * @param timeZone the contact's time zone after the row, null when none is decided
   * @param field the CSV column at fault for REJECTED and CONSENT_REJECTED, else null
   * @param warnings values that were not imported, each naming its column, and what was used instead
   */
  public record Row(long line, String externalId, Outcome outcome, String phone, String timeZone, String field,
      String problem, List<String> warnings) {

    boolean hasIssue() {
      return outcome == Outcome.REJECTED || outcome == Outcome.CONSENT_REJECTED || !warnings.isEmpty();
    }
  }

  /** Rows per outcome; {@code withWarnings} counts rows of any outcome that carry warnings. */
  public record Counts(int imported, int updated, int unchanged, int rejected, int consentRejected,
      int withWarnings) {

    public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);

    public int total() {
      return imported + updated + unchanged + rejected + consentRejected;
    }

    Counts plus(Row row) {
      Outcome o = row.outcome();
      return new Counts(imported + (o == Outcome.IMPORTED ? 1 : 0), updated + (o == Outcome.UPDATED ? 1 : 0),
          unchanged + (o == Outcome.UNCHANGED ? 1 : 0), rejected + (o == Outcome.REJECTED ? 1 : 0),
          consentRejected + (o == Outcome.CONSENT_REJECTED ? 1 : 0), withWarnings + (row.warnings().isEmpty() ? 0 : 1));
    }
  }
}
