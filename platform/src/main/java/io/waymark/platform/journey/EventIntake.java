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
import java.util.TreeSet;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns events into journey runs or into messages for running journeys. In one transaction: the contact is upserted,
 * the consent captured with the event goes to the ledger, and then either the run is recorded under the event id and
 * {@link JourneyRunRequested} is published, or the message is recorded ({@link JourneyMessages}). A repeated event id
 * returns what the first one did and changes nothing; bad input changes nothing.
 *
 * <p>A run is recorded as SKIPPED, with the reason as its outcome, when the journey is paused
 * ({@code JOURNEY_PAUSED}) or the contact is in it already and it does not allow re-entry
 * ({@code ALREADY_IN_JOURNEY}); the unique live key settles two such events arriving at once.
 */
@Service
@EnableConfigurationProperties(TriggerProperties.class)
public class EventIntake {

  /** Outcome of a run that never started because its journey is paused. */
  public static final String SKIPPED_PAUSED = "JOURNEY_PAUSED";
  /** Outcome of a run that never started because the contact is in that journey already. */
  public static final String SKIPPED_ALREADY_IN_JOURNEY = "ALREADY_IN_JOURNEY";

  private final TriggerProperties triggers;
  private final ContactDirectory contacts;
  private final ConsentLedger consent;
  private final JourneyRunRepository runs;
  private final JourneyCatalog catalog;
  private final JourneyMessages messages;
  private final ApplicationEventPublisher events;
  private final ObjectMapper json;
  private final Clock clock;

  EventIntake(TriggerProperties triggers, ContactDirectory contacts, ConsentLedger consent, JourneyRunRepository runs,
      JourneyCatalog catalog, JourneyMessages messages, ApplicationEventPublisher events, ObjectMapper json,
      Clock clock) {
    this.triggers = triggers;
    this.contacts = contacts;
    this.consent = consent;
    this.runs = runs;
    this.catalog = catalog;
    this.messages = messages;
    this.events = events;
    this.json = json;
    this.clock = clock;
  }

  /** Which journey each event type starts ({@code waymark.journeys.triggers}): event type to process id. */
  public Map<String, String> triggers() {
    return triggers.triggers();
  }

  @Transactional
  public Accepted accept(TriggerEvent event) {
    Optional<JourneyRun> earlier = runs.findByEventId(event.eventId());
    if (earlier.isPresent()) {
      return new Accepted(earlier.get().toView(), null, true);
    }
    Optional<JourneyMessages.Message> earlierMessage = messages.findByEventId(event.eventId());
    if (earlierMessage.isPresent()) {
      return new Accepted(null, earlierMessage.get(), true);
    }
    String processId = triggers.triggers().get(event.type());
    TriggerProperties.MessageTrigger messageTrigger = triggers.messages().get(event.type());
    if (processId == null && messageTrigger == null) {
      throw new InvalidInputException("type", "no journey starts on '" + event.type() + "' and no message is sent "
          + "for it (starting: " + new TreeSet<>(triggers.triggers().keySet()) + ", messages: "
          + new TreeSet<>(triggers.messages().keySet()) + ")");
    }
    if (processId != null) {
      requireAttributes(event, processId);
    }
    ContactView contact;
    try {
      contact = contacts.upsert(details(event.contact()));
    } catch (InvalidInputException e) {
      throw e.under("contact");
    }
    recordConsent(event, contact);
    if (messageTrigger != null) {
      Instant occurredAt = occurredAt(event);
      JourneyMessages.Message message = messages.record(event, contact, messageTrigger);
      events.publishEvent(new MessageEventReceived(message.id(), event.eventId(), event.type(), contact.id(),
          occurredAt));
      return new Accepted(null, message, false);
    }
    JourneyRun run = new JourneyRun(event.eventId(), event.type(), processId, contact.id().value(),
        variables(event, contact), clock.instant());
    if (catalog.isPaused(processId)) {
      run.skipped(SKIPPED_PAUSED);
    } else if (!catalog.allowsReentry(processId)) {
      boolean inJourney = runs.findByLiveKey(JourneyRun.liveKey(processId, contact.id().value())).isPresent();
      if (inJourney) {
        run.skipped(SKIPPED_ALREADY_IN_JOURNEY);
      } else {
        run.exclusive();
      }
    }
    run = runs.saveAndFlush(run);
    if (run.status() == JourneyRun.Status.REQUESTED) {
      events.publishEvent(new JourneyRunRequested(new JourneyRunId(run.id())));
    }
    return new Accepted(run.toView(), null, false);
  }

  /** When the event happened: its {@code occurredAt}, else {@code attributes.occurredAt} (ISO-8601), else now. */
  private Instant occurredAt(TriggerEvent event) {
    if (event.occurredAt() != null) {
      return event.occurredAt();
    }
    Object attribute = event.attribute("occurredAt");
    if (attribute != null && !attribute.toString().isBlank()) {
      try {
        return Instant.parse(attribute.toString().strip());
      } catch (java.time.format.DateTimeParseException e) {
        throw new InvalidInputException("attributes.occurredAt", "is not an ISO-8601 instant such as "
            + "2026-11-02T15:04:05Z");
      }
    }
    return clock.instant();
  }

  /** The journey an event type starts ({@code waymark.journeys.triggers}), if any. */
  public Optional<String> journeyStartedBy(String eventType) {
    return Optional.ofNullable(triggers.triggers().get(eventType));
  }

  /** Refuses an event without an attribute its journey names in {@code requiredAttributes}, naming the path. */
  private void requireAttributes(TriggerEvent event, String processId) {
    for (String path : catalog.requiredAttributes(processId)) {
      Object value = event.attribute(path);
      if (value == null || value.toString().isBlank()) {
        throw new InvalidInputException("attributes." + path, "is required by the journey " + processId);
      }
    }
  }

  private void recordConsent(TriggerEvent event, ContactView contact) {
    if (event.consent() == null) {
      return;
    }
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

  /**
   * What an event did: the run it started (or skipped), or the message it sent to running journeys; and whether the
   * event id had been seen before.
   */
  public record Accepted(JourneyRuns.Run run, JourneyMessages.Message message, boolean duplicate) {
  }
}
