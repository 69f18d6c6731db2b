package io.waymark.demo;

import io.waymark.platform.consent.ConsentLedger;
import io.waymark.platform.consent.OptIn;
import io.waymark.platform.contact.ContactDetails;
import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactView;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Embedded mode only: on first start (an empty contact table) seeds a few demo contacts with recorded consent, so
 * that a new user can start a journey against the sandbox right away.
 */
@Component
@ConditionalOnProperty(name = "waymark.demo.seed", havingValue = "true")
class DemoSeeder implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);
  private static final String DISCLOSURE = "Yes, text me offers and updates from Acme. Msg & data rates may apply. "
      + "Msg frequency varies. Reply STOP to cancel, HELP for help.";

  static final List<ContactDetails> CONTACTS = List.of(
      new ContactDetails("+14155550100", "US", "Maya", "Ortiz", "maya@example.com", "en-US", "CA", null, Map.of()),
      new ContactDetails("+12125550142", "US", "Zoë", "Łukasiewicz", "zoe@example.com", "en-US", "NY", null, Map.of()),
      new ContactDetails("+33612345678", "FR", "Élodie", "Martin", "elodie@example.fr", "fr-FR", null, null, Map.of()));

  private final ContactDirectory contacts;
  private final ConsentLedger consent;
  private final Clock clock;

  DemoSeeder(ContactDirectory contacts, ConsentLedger consent, Clock clock) {
    this.contacts = contacts;
    this.consent = consent;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (contacts.count() > 0) {
      return;
    }
    for (ContactDetails details : CONTACTS) {
      ContactView contact = contacts.upsert(details);
      consent.recordOptIn(new OptIn(contact.id(), contact.phone(), List.of("promotions", "order-updates"),
          "web-form", DISCLOSURE, "demo-seed", clock.instant()));
    }
    LOG.info("Seeded {} demo contacts with consent for promotions and order-updates", CONTACTS.size());
  }
}
