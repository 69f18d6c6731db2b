package io.waymark.platform.crm.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.waymark.platform.support.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Task completions from Salesforce, {@code POST /webhooks/salesforce/tasks}, as a record-triggered Flow's HTTP callout
 * sends them: {@code {"taskId": "00T…", "status": "Completed", "completedBy": "005…"}}. The shared secret in header
 * {@value #HEADER} ({@code waymark.crm.salesforce.webhook-secret}) is compared in constant time before anything else:
 * missing or wrong gets 401; without a configured secret the endpoint answers 404. Status {@code Completed} (any case)
 * is reported to {@link CrmTaskCompletions} with the 18-character Task Id (a 15-character Id is converted, so it
 * matches the Id the connector stored); other statuses are ignored. Answers 204.
 */
@RestController
@RequestMapping("/webhooks/salesforce")
class SalesforceWebhooks {

  static final String HEADER = "X-Waymark-Webhook-Secret";

  private static final Logger LOG = LoggerFactory.getLogger(SalesforceWebhooks.class);
  private static final String ID_CHECKSUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

  private final byte[] secret;
  private final CrmTaskCompletions completions;

  SalesforceWebhooks(SalesforceProperties properties, ObjectProvider<CrmTaskCompletions> completions) {
    if (!properties.webhooksEnabled()) {
      this.secret = null;
      this.completions = null;
      return;
    }
    this.secret = properties.webhookSecret().getBytes(StandardCharsets.UTF_8);
    this.completions = completions.getIfAvailable();
    if (this.completions == null) {
      throw new IllegalStateException("waymark.crm.salesforce.webhook-secret is set, but there is no "
          + "CrmTaskCompletions bean (the crm inbox) to report completed tasks to");
    }
  }

  @PostMapping("/tasks")
  ResponseEntity<String> tasks(@RequestHeader(value = HEADER, required = false) String presented,
      @RequestBody(required = false) byte[] body) {
    if (secret == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
          .body("Salesforce webhooks are not configured (waymark.crm.salesforce.webhook-secret)");
    }
    if (presented == null || !MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8))) {
      String problem = HEADER + (presented == null ? " is missing" : " does not match");
      LOG.warn("Refused POST /webhooks/salesforce/tasks: {}", problem);
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.TEXT_PLAIN).body(problem);
    }
    JsonNode event = event(body);
    String taskId = canonicalId(text(event, "taskId"));
    String status = text(event, "status");
    if (status == null) {
      throw new InvalidInputException("status", "is required (e.g. Completed)");
    }
    if ("Completed".equalsIgnoreCase(status)) {
      String by = text(event, "completedBy");
      completions.completedInCrm(SalesforceConnector.SYSTEM, taskId, by == null ? SalesforceConnector.SYSTEM : by);
    }
    return ResponseEntity.noContent().build();
  }

  private static JsonNode event(byte[] body) {
    try {
      JsonNode event = body == null || body.length == 0 ? null : CrmHttp.JSON.readTree(body);
      if (event != null && event.isObject()) {
        return event;
      }
    } catch (IOException e) {
      // reported below
    }
    throw new InvalidInputException("body", "is not a JSON object with taskId, status and completedBy");
  }

  private static String text(JsonNode event, String field) {
    JsonNode value = event.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.isValueNode()) {
      throw new InvalidInputException(field, "must be a string");
    }
    String text = value.asText().strip();
    if (text.length() > 255) {
      throw new InvalidInputException(field, "is longer than 255 characters");
    }
    return text.isEmpty() ? null : text;
  }

  /** The 18-character form of a Salesforce Id (15-character Ids get their case-safe suffix); refuses anything else. */
  static String canonicalId(String id) {
    if (id == null) {
      throw new InvalidInputException("taskId", "is required (the Salesforce Task Id)");
    }
    if (id.matches("[A-Za-z0-9]{18}")) {
      return id;
    }
    if (!id.matches("[A-Za-z0-9]{15}")) {
      throw new InvalidInputException("taskId", "'" + id + "' is not a 15- or 18-character Salesforce Id");
    }
    StringBuilder suffix = new StringBuilder(3);
    for (int block = 0; block < 3; block++) {
      int bits = 0;
      for (int i = 0; i < 5; i++) {
        char c = id.charAt(block * 5 + i);
        if (c >= 'A' && c <= 'Z') {
          bits |= 1 << i;
        }
      }
      suffix.append(ID_CHECKSUM.charAt(bits));
    }
    return id + suffix;
  }
}
