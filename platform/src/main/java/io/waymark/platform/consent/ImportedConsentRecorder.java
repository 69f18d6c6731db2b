package io.waymark.platform.consent;

import io.waymark.platform.contact.ContactView;
import io.waymark.platform.contact.ImportedConsent;
import io.waymark.platform.contact.ImportedConsentSink;
import io.waymark.platform.support.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Records the consent of contact CSV import rows as opt-ins in the ledger, with the import's source reference as
 * evidence, once per source reference (looked up unless the import knows the consent is unseen). The ledger's
 * checks apply as for any opt-in; a refusal is reported with the {@link ImportedConsent} component at fault
 * ({@code occurredAt} becomes {@code consentedAt}). A refusal leaves the caller's transaction rollback-only (the
 * ledger's transaction boundary marks it); the import stores the chunk again without the refused consent.
 */
@Component
class ImportedConsentRecorder implements ImportedConsentSink {

  private final ConsentLedger ledger;

  ImportedConsentRecorder(ConsentLedger ledger) {
    this.ledger = ledger;
  }

  @Override
  public Result record(ContactView contact, ImportedConsent consent) {
    if (!consent.unseen() && ledger.hasRecord(contact.id(), consent.sourceRef())) {
      return Result.alreadyRecorded();
    }
    try {
      ledger.recordOptIn(new OptIn(contact.id(), contact.phone(), consent.topics(), consent.channel(),
          consent.text(), consent.sourceRef(), consent.consentedAt()));
      return Result.recorded();
    } catch (InvalidInputException e) {
      return Result.rejected(e.field().equals("occurredAt") ? "consentedAt" : e.field(), e.problem());
    }
  }
}
