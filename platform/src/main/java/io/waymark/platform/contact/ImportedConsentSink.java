package io.waymark.platform.contact;

/**
 * Where the CSV import hands the consent of a row, once the row's contact is stored. The contact module cannot
 * depend on the consent module (that one depends on this one); the consent module implements this interface.
 * Called inside the import's transaction for the row's chunk.
 */
public interface ImportedConsentSink {

  /**
   * Records {@code consent} for {@code contact} unless a record with the same {@link ImportedConsent#sourceRef()}
   * exists. A rejection names the {@link ImportedConsent} component at fault ({@code topics}, {@code channel},
   * {@code text}, {@code consentedAt}). A rejection may leave the surrounding transaction rollback-only: the import
   * then repeats the chunk without handing over the rejected consent again.
   */
  Result record(ContactView contact, ImportedConsent consent);

  /** What became of an imported consent. */
  record Result(Status status, String field, String problem) {

    public enum Status { RECORDED, ALREADY_RECORDED, REJECTED }

    public static Result recorded() {
      return new Result(Status.RECORDED, null, null);
    }

    public static Result alreadyRecorded() {
      return new Result(Status.ALREADY_RECORDED, null, null);
    }

    public static Result rejected(String field, String problem) {
      return new Result(Status.REJECTED, field, problem);
    }
  }
}
