package io.waymark.workers.engine;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.Map;

/** Publishing a message the platform decided on, so that a resubmitted publication is harmless. */
final class EngineMessages {

  private EngineMessages() {
  }

  /**
   * Publishes {@code name} under {@code key} with its own {@code messageId}; the engine answers ALREADY_EXISTS for a
   * message id it still holds, which means an earlier attempt got through, and is not an error.
   */
  static void publishOnce(CamundaClient client, String name, String key, String messageId, Duration ttl,
      Map<String, Object> variables) {
    try {
      client.newPublishMessageCommand().messageName(name).correlationKey(key).messageId(messageId).timeToLive(ttl)
          .variables(variables).send().join();
    } catch (RuntimeException e) {
      if (!String.valueOf(e.getMessage()).contains("ALREADY_EXISTS")) {
        throw e;
      }
    }
  }
}
