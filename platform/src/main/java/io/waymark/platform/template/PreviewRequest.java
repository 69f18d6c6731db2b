package io.waymark.platform.template;

import java.util.Map;

/**
 * A template text to try out before saving it: the fields of {@link NewTemplate} that shape the message, and
 * optional {@code variables} (journey variables, or contact fields such as {@code firstName}) that replace the token
 * catalog's sample values.
 */
public record PreviewRequest(Channel channel, String messageClass, String brand, String subject, String body,
    Integer maxSegments, Boolean followUp, Map<String, Object> variables, Integer linkExpiryHours) {

  public PreviewRequest {
    variables = variables == null ? Map.of() : variables;
  }

  /** A preview whose links take the default expiry. */
  public PreviewRequest(Channel channel, String messageClass, String brand, String subject, String body,
      Integer maxSegments, Boolean followUp, Map<String, Object> variables) {
    this(channel, messageClass, brand, subject, body, maxSegments, followUp, variables, null);
  }
}
