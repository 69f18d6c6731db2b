package io.waymark.ui.leads;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import io.waymark.platform.consent.ConsentLedger;
import io.waymark.platform.consent.ConsentState;
import io.waymark.platform.contact.ContactView;
import io.waymark.ui.security.PhoneMask;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A lead's contact as a rep needs them (the phone number in full for roles that need it, masked otherwise) and their
 * consent: per topic OPTED_IN or OPTED_OUT since when, and whether the number is suppressed. Ids {@code lead-contact}
 * and {@code lead-consent}.
 */
final class ContactCard {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
      .withZone(ZoneOffset.UTC);

  final Div contact = new Div();
  final Div consent = new Div();
  private final ConsentLedger ledger;
  private final boolean fullNumbers;

  /** {@code fullNumbers} is decided once, while signed in: pushed refreshes run outside the security context. */
  ContactCard(ConsentLedger ledger, boolean fullNumbers) {
    this.ledger = ledger;
    this.fullNumbers = fullNumbers;
    contact.setId("lead-contact");
    consent.setId("lead-consent");
  }

  void show(ContactView view) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Name", Stream.of(view.firstName(), view.lastName()).filter(Objects::nonNull)
        .collect(Collectors.joining(" ")));
    fields.put("Phone", fullNumbers ? view.phone() : PhoneMask.mask(view.phone()));
    fields.put("Email", view.email());
    fields.put("Region", view.region());
    fields.put("Time zone", view.timeZone());
    fields.put("Locale", view.locale());
    fields.put("Stage", view.lifecycleStage());
    fields.put("Account owner", view.owner());
    contact.removeAll();
    fields.forEach((name, value) -> {
      if (value != null && !value.isBlank()) {
        contact.add(new Paragraph(name + ": " + value));
      }
    });
    consent.removeAll();
    ConsentState state = ledger.state(view);
    if (state.suppressed()) {
      consent.add(new Paragraph("SUPPRESSED: the number is on the suppression list"));
    }
    if (state.topics().isEmpty()) {
      consent.add(new Paragraph("No consent recorded"));
    }
    state.topics().forEach((topic, topicState) -> consent.add(new Paragraph(topic + ": " + topicState.status()
        + " since " + TIME.format(topicState.since()))));
  }

  void gone(long contactId) {
    contact.removeAll();
    contact.add(new Paragraph("Contact " + contactId + " is no longer stored."));
    consent.removeAll();
  }
}
