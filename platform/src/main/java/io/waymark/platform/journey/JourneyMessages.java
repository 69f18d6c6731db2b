package io.waymark.platform.journey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.waymark.platform.contact.ContactView;
import io.waymark.platform.support.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Events that steer running journeys ({@code order.completed} → {@code conversion}): recorded once per event id and
 * handed to the engine bridge with {@link JourneyMessageRequested}. The message carries {@code lastSignal} (event id,
 * type and attributes) into the instance it reaches.
 */
@Service
public class JourneyMessages {

  private static final TypeReference<List<String>> KEYS = new TypeReference<>() {
  };

  private final JourneyMessageRepository messages;
  private final ApplicationEventPublisher events;
  private final ObjectMapper json;
  private final Clock clock;

  JourneyMessages(JourneyMessageRepository messages, ApplicationEventPublisher events, ObjectMapper json,
      Clock clock) {
    this.messages = messages;
    this.events = events;
    this.json = json;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Optional<Message> find(long id) {
    return messages.findById(id).map(this::view);
  }

  @Transactional(readOnly = true)
  public Optional<Message> findByEventId(String eventId) {
    return messages.findByEventId(eventId).map(this::view);
  }

  /** The engine has the message under every correlation key. */
  @Transactional
  public void markPublished(long id) {
    messages.findById(id).ifPresent(message -> message.published(clock.instant()));
  }

  /** Records the event as a message; part of the intake's transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  Message record(TriggerEvent event, ContactView contact, TriggerProperties.MessageTrigger trigger) {
    List<String> keys = new ArrayList<>();
    for (String source : trigger.correlateBy()) {
      keys.add(correlationKey(source, event, contact));
    }
    Map<String, Object> signal = new LinkedHashMap<>();
    signal.put("eventId", event.eventId());
    signal.put("type", event.type());
    signal.put("attributes", event.attributes() == null ? Map.of() : event.attributes());
    JourneyMessage message = messages.saveAndFlush(new JourneyMessage(event.eventId(), event.type(),
        trigger.message(), contact.id().value(), write(keys, "correlation keys"),
        write(Map.of("lastSignal", signal), "attributes"), trigger.timeToLive(), clock.instant()));
    events.publishEvent(new JourneyMessageRequested(message.id()));
    return view(message);
  }

  private static String correlationKey(String key, TriggerEvent event, ContactView contact) {
    String prefix = TriggerProperties.MessageTrigger.prefix(key);
    String source = TriggerProperties.MessageTrigger.source(key);
    if (source.equals(TriggerProperties.MessageTrigger.CONTACT)) {
      return prefix + contact.id();
    }
    String name = source.substring(TriggerProperties.MessageTrigger.ATTRIBUTE_PREFIX.length());
    Object value = event.attribute(name);
    if (value == null || value.toString().isBlank() || value instanceof Map || value instanceof List) {
      throw new InvalidInputException(source, "is required for '" + event.type()
          + "' events (it says which running journey the event is for) and must be a plain value");
    }
    return prefix + value;
  }

  private String write(Object value, String field) {
    try {
      String text = json.writeValueAsString(value);
      if (text.length() > 4000) {
        throw new InvalidInputException(field, "are too large (at most 4000 characters as JSON)");
      }
      return text;
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(field, "cannot be written as JSON");
    }
  }

  private Message view(JourneyMessage message) {
    try {
      return message.toView(json.readValue(message.correlationKeys(), KEYS));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("journey message " + message.id() + " has unreadable correlation keys", e);
    }
  }

  /** A message for running journeys: published once per correlation key, {@code variables} as JSON. */
  public record Message(long id, String eventId, String eventType, String messageName, long contactId,
      List<String> correlationKeys, String variables, Duration timeToLive, Instant receivedAt, Instant publishedAt) {
  }
}
