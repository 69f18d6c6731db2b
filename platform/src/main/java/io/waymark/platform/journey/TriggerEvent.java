package io.waymark.platform.journey;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An event from a machine client: {@code POST /api/v1/events}. {@code consent} is the form's SMS consent checkbox,
 * recorded as an opt-in with this event as its evidence before the journey starts. {@code attributes} are what the
 * journey needs to know (an appointment time, a cart id, a tracking URL), nested objects allowed; the journey sees
 * them as the process variable {@code attributes}.
 */
public record TriggerEvent(
    @NotBlank @Size(max = 191) @Pattern(regexp = "[\\x21-\\x7e]+", message = "must be printable ASCII without spaces")
    String eventId,
    @NotBlank @Size(max = 100) String type,
    Instant occurredAt,
    @NotNull @Valid Contact contact,
    @Valid Consent consent,
    Map<String, Object> attributes) {

  /** The attribute at a dotted path ({@code appointment.id} reads nested objects), null where there is none. */
  public Object attribute(String dottedPath) {
    Object value = attributes;
    for (String step : dottedPath.split("\\.")) {
      value = value instanceof Map<?, ?> map ? map.get(step) : null;
    }
    return value;
  }

  /** The contact the event is about; {@code phone} in any format, {@code country} for numbers without +. */
  public record Contact(
      @NotBlank String phone,
      @Size(max = 2) String country,
      @Size(max = 100) String firstName,
      @Size(max = 100) String lastName,
      @Size(max = 254) String email,
      @Size(max = 35) String locale,
      @Size(max = 64) String region,
      @Size(max = 64) String timeZone,
      Map<String, String> attributes) {
  }

  /** SMS consent captured with the event: topics, capture channel and the exact disclosure text shown. */
  public record Consent(
      @NotNull @Size(min = 1) List<String> topics,
      @NotBlank String channel,
      @NotBlank String text,
      Instant capturedAt) {
  }
}
