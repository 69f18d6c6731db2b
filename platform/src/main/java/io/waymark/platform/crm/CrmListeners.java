package io.waymark.platform.crm;

import io.waymark.platform.consent.ContactOptedOut;
import java.time.Clock;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** What other modules' events mean for the lead inbox. */
@Component
class CrmListeners {

  private final LeadInbox inbox;
  private final Clock clock;

  CrmListeners(LeadInbox inbox, Clock clock) {
    this.inbox = inbox;
    this.clock = clock;
  }

  /** The contact's journeys stop; their live tasks say so (no escalation follows; a call may still be wanted). */
  @ApplicationModuleListener
  void on(ContactOptedOut optedOut) {
    inbox.contactOptedOut(optedOut.contactId().value(), clock.instant());
  }
}
