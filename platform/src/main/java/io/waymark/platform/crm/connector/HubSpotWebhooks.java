package io.waymark.platform.crm.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.waymark.platform.support.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * HubSpot's webhook for task changes, {@code POST /webhooks/hubspot/tasks}: a JSON array of events. Each
 * {@code object.propertyChange} of a task ({@code objectTypeId} 0-27 when given) setting {@code hs_task_status} to
 * {@code COMPLETED} is reported to {@link CrmTaskCompletions} with the task id ({@code objectId}) and who changed it
 * ({@code sourceId}, e.g. {@code userId:123}, else {@code changeSource}); other events are ignored. The v3 signature is
 * checked first, over {@code waymark.public-base-url} plus the request path (behind a proxy the URL the servlet sees is
 * not the one HubSpot called): missing, stale or wrong gets 401 and changes nothing. Without
 * {@code waymark.crm.hubspot.client-secret} the endpoint answers 404: an unsigned webhook that accepts leads is never
 * open. Answers 204 at once.
 */
@RestController
@RequestMapping("/webhooks/hubspot")
class HubSpotWebhooks {

  static final String SIGNATURE = "X-HubSpot-Signature-v3";
  static final String TIMESTAMP = "X-HubSpot-Request-Timestamp";
  static final String TASK_OBJECT_TYPE = "0-27";

  private static final Logger LOG = LoggerFactory.getLogger(HubSpotWebhooks.class);

  private final HubSpotSignature signature;
  private final String baseUrl;
  private final CrmTaskCompletions completions;
  private final Clock clock;

  HubSpotWebhooks(HubSpotProperties properties, ObjectProvider<CrmTaskCompletions> completions, Clock clock,
      @Value("${waymark.public-base-url:}") String publicBaseUrl) {
    this.clock = clock;
    this.baseUrl = publicBaseUrl.strip().replaceAll("/+$", "");
    if (!properties.webhooksEnabled()) {
      this.signature = null;
      this.completions = null;
      return;
    }
    this.signature = new HubSpotSignature(properties.clientSecret());
    if (baseUrl.isEmpty()) {
      throw new IllegalStateException("waymark.public-base-url is empty: HubSpot signs its webhooks with the URL it "
          + "calls, so set WAYMARK_PUBLIC_BASE_URL (e.g. https://waymark.example.com) when "
          + "waymark.crm.hubspot.client-secret is set");
    }
    this.completions = completions.getIfAvailable();
    if (this.completions == null) {
      throw new IllegalStateException("waymark.crm.hubspot.client-secret is set, but there is no CrmTaskCompletions "
          + "bean (the crm inbox) to report completed tasks to");
    }
  }

  @PostMapping("/tasks")
  ResponseEntity<String> tasks(HttpServletRequest request, @RequestBody(required = false) byte[] body) {
    if (signature == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
          .body("HubSpot webhooks are not configured (waymark.crm.hubspot.client-secret)");
    }
    byte[] raw = body == null ? new byte[0] : body;
    String uri = baseUrl + request.getRequestURI()
        + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    String problem = signature.problem(request.getMethod(), uri, raw, request.getHeader(TIMESTAMP),
        request.getHeader(SIGNATURE), clock.instant());
    if (problem != null) {
      LOG.warn("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), problem);
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.TEXT_PLAIN).body(problem);
    }
    for (JsonNode event : events(raw)) {
      if (isTaskCompletion(event)) {
        completions.completedInCrm(HubSpotConnector.SYSTEM, event.path("objectId").asText(), completedBy(event));
      }
    }
    return ResponseEntity.noContent().build();
  }

  private static JsonNode events(byte[] raw) {
    try {
      JsonNode events = CrmHttp.JSON.readTree(raw);
      if (events != null && events.isArray()) {
        return events;
      }
    } catch (IOException e) {
      // reported below
    }
    throw new InvalidInputException("body", "is not a JSON array of HubSpot webhook events");
  }

  static boolean isTaskCompletion(JsonNode event) {
    String objectType = event.path("objectTypeId").asText("");
    return "object.propertyChange".equals(event.path("subscriptionType").asText())
        && (objectType.isEmpty() || TASK_OBJECT_TYPE.equals(objectType))
        && "hs_task_status".equals(event.path("propertyName").asText())
        && "COMPLETED".equals(event.path("propertyValue").asText())
        && event.path("objectId").asText("").matches("[0-9]+");
  }

  private static String completedBy(JsonNode event) {
    String source = event.path("sourceId").asText("");
    if (!source.isBlank()) {
      return source;
    }
    String change = event.path("changeSource").asText("");
    return change.isBlank() ? HubSpotConnector.SYSTEM : change;
  }
}
