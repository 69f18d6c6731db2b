package io.waymark.workers.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.waymark.platform.journey.JourneyMessageRequested;
import io.waymark.platform.journey.JourneyMessages;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Publishes each recorded journey message to the engine, once per correlation key, after the intake's transaction
 * committed. The message id is the event id and the key, so a resubmitted publication (engine briefly away) is not
 * correlated twice: the engine refuses a second message with the same id while the first is alive.
 */
@Component
class JourneyMessagePublisher {

  private static final Logger LOG = LoggerFactory.getLogger(JourneyMessagePublisher.class);
  private static final TypeReference<Map<String, Object>> VARIABLES = new TypeReference<>() {
  };

  private final CamundaClient client;
  private final JourneyMessages messages;
  private final ObjectMapper json;

  JourneyMessagePublisher(CamundaClient client, JourneyMessages messages, ObjectMapper json) {
    this.client = client;
    this.messages = messages;
    this.json = json;
  }

  @ApplicationModuleListener
  void on(JourneyMessageRequested requested) throws JsonProcessingException {
    JourneyMessages.Message message = messages.find(requested.messageId())
        .orElseThrow(() -> new IllegalStateException("no journey message " + requested.messageId()));
    if (message.publishedAt() != null) {
      return;
    }
    Map<String, Object> variables = json.readValue(message.variables(), VARIABLES);
    for (String key : message.correlationKeys()) {
      try {
        client.newPublishMessageCommand().messageName(message.messageName()).correlationKey(key)
            .messageId(message.eventId() + "/" + key).timeToLive(message.timeToLive()).variables(variables)
            .send().join();
      } catch (RuntimeException e) {
        if (!alreadyPublished(e)) {
          throw e;
        }
      }
    }
    messages.markPublished(message.id());
    LOG.info("Message {} for event {} ({}) published under {} key(s)", message.messageName(), message.eventId(),
        message.eventType(), message.correlationKeys().size());
  }

  /** The engine answers ALREADY_EXISTS for a message id it still holds: an earlier attempt got through. */
  private static boolean alreadyPublished(RuntimeException e) {
    return String.valueOf(e.getMessage()).contains("ALREADY_EXISTS");
  }
}
