package io.waymark.platform.journey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.waymark.platform.consent.ConsentLedger;
import io.waymark.platform.consent.OptIn;
import io.waymark.platform.contact.ContactDetails;
import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactView;
import io.waymark.platform.support.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns trigger events into journey runs. In one transaction: the contact is upserted, the consent captured with
 * the event goes to the ledger, the run is recorded under the event id and {@link JourneyRunRequested} is
 * published. A repeated event id returns the first run and changes nothing; bad input changes nothing.
 */
@Service
@EnableConfigurationProperties(TriggerProperties.class)
public class EventIntake {

  private final TriggerProperties triggers;
  private final ContactDirectory contacts;
  private final ConsentLedger consent;
  private final JourneyRunRepository runs;
  private final ApplicationEventPublisher events;
  private final ObjectMapper json;
  private final Clock clock;

  EventIntake(TriggerProperties triggers, ContactDirectory contacts, ConsentLedger consent, JourneyRunRepository runs,
      ApplicationEventPublisher events, ObjectMapper json, Clock clock) {
    this.triggers = triggers;
    this.contacts = contacts;
    this.consent = consent;
    this.runs = runs;
    this.events = events;
    this.json = json;
    this.clock = clock;
  }

  @Transactional
  public Accepted accept(TriggerEvent event) {
    Optional<JourneyRun> earlier = runs.findByEventId(event.eventId());
    if (earlier.isPresent()) {
      return new Accepted(earlier.get().toView(), true);
    }
    String processId = triggers.triggers().get(event.type());
    if (processId == null) {
      throw new InvalidInputException("type",
          "no journey starts on '" + event.type() + "' (configured: " + triggers.triggers().keySet() + ")");
    }
    ContactView contact;
    try {
      contact = contacts.upsert(details(event.contact()));
    } catch (InvalidInputException e) {
      throw e.under("contact");
    }
    if (event.consent() != null) {
      Instant capturedAt = event.consent().capturedAt() != null ? event.consent().capturedAt()
          : event.occurredAt() != null ? event.occurredAt() : clock.instant();
      try {
        consent.recordOptIn(new OptIn(contact.id(), contact.phone(), event.consent().topics(),
            event.consent().channel(), event.consent().text(), "event:" + event.eventId(), capturedAt));
      } catch (InvalidInputException e) {
        throw e.field().equals("occurredAt") ? new InvalidInputException("consent.capturedAt", e.problem())
            : e.under("consent");
      }
    }
    JourneyRun run = runs.save(new JourneyRun(event.eventId(), event.type(), processId, contact.id().value(),
        variables(event, contact), clock.instant()));
    runs.flush();
    events.publishEvent(new JourneyRunRequested(new JourneyRunId(run.id())));
    return new Accepted(run.toView(), false);
  }

  private static ContactDetails details(TriggerEvent.Contact c) {
    return new ContactDetails(c.phone(), c.country(), c.firstName(), c.lastName(), c.email(), c.locale(),
        c.region(), c.timeZone(), c.attributes() == null ? Map.of() : c.attributes());
  }

  private String variables(TriggerEvent event, ContactView contact) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("contactId", contact.id().toString());
    variables.put("eventId", event.eventId());
    variables.put("eventType", event.type());
    variables.put("firstName", contact.firstName());
    variables.put("attributes", event.attributes() == null ? Map.of() : event.attributes());
    try {
      String text = json.writeValueAsString(variables);
      if (text.length() > 4000) {
        throw new InvalidInputException("attributes", "are too large (at most 4000 characters as JSON)");
      }
      return text;
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("attributes", "cannot be written as JSON");
    }
  }

  /** The run an event started, and whether the event id had been seen before. */
  public record Accepted(JourneyRuns.Run run, boolean duplicate) {
  }
}
