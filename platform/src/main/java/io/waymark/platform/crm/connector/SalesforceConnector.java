package io.waymark.platform.crm.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.waymark.platform.crm.connector.CrmHttp.Answer;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Salesforce REST API, Task sObject, OAuth 2.0 client credentials ({@link SalesforceTokens}). Idempotent by an
 * external-id field holding the Waymark task id ({@code waymark.crm.salesforce.external-id-field}):
 * <ol>
 *   <li>{@code GET /services/data/<v>/sobjects/Task/<field>/<id>}: found means an earlier attempt created it; it is
 *       returned untouched, so a redelivered job never reopens a task the rep has completed or reassigned;</li>
 *   <li>otherwise {@code PATCH} on the same URL (upsert) with Subject, Description, ActivityDate (the due date in
 *       {@code time-zone}), ReminderDateTime and IsReminderSet (the exact due time), Priority (High, Normal, Low),
 *       Status Not Started, OwnerId and WhoId when known. 201 is a new task; 200 or 204 means a concurrent attempt
 *       created it first (on 204 the Id is read back).</li>
 * </ol>
 * WhoId is attribute {@value CrmContact#SALESFORCE_WHO_ID}, else a Contact, else an unconverted Lead, whose Phone or
 * MobilePhone is the E.164 number or (for +1 numbers) the {@code (415) 555-0100} form Salesforce formats US numbers
 * to, by SOQL; else none (the description says so). A 401 gets one fresh token and one retry. Every call can be
 * repeated, so all transient failures are retried at once.
 */
class SalesforceConnector implements CrmConnector {

  static final String SYSTEM = "salesforce";
  static final int SUBJECT_MAX = 255;
  static final int DESCRIPTION_MAX = 32_000;
  static final Set<String> TRANSIENT = Set.of("REQUEST_LIMIT_EXCEEDED", "UNABLE_TO_LOCK_ROW", "SERVER_UNAVAILABLE");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);

  private final SalesforceProperties properties;
  private final RestClient http;
  private final SalesforceTokens tokens;
  private final CrmGuard guard;

  SalesforceConnector(SalesforceProperties properties, Clock clock) {
    this.properties = properties;
    this.http = CrmHttp.restClient(properties.instanceUrl(), properties.connectTimeout(), properties.timeout());
    this.tokens = new SalesforceTokens(properties, http, clock);
    this.guard = new CrmGuard(SYSTEM, properties.resilience(), clock);
  }

  @Override
  public String system() {
    return SYSTEM;
  }

  @Override
  public CrmTaskRef upsertTask(CrmTaskRequest request) {
    return guard.call(() -> {
      String id = Long.toString(request.waymarkTaskId());
      String existing = findTask(id);
      if (existing != null) {
        return new CrmTaskRef(SYSTEM, existing, false);
      }
      List<String> notes = new ArrayList<>();
      ObjectNode fields = fields(request, whoId(request.contact(), notes), notes);
      String what = "the Task for Waymark task " + id;
      Answer answer = authorized(what, token -> CrmHttp.exchange(SYSTEM, what, false, http.patch()
          .uri(taskPath(), properties.apiVersion(), properties.externalIdField(), id)
          .headers(h -> h.setBearerAuth(token))
          .contentType(MediaType.APPLICATION_JSON)
          .accept(MediaType.APPLICATION_JSON)
          .body(fields)));
      if (answer.status() == 204) {
        String readBack = findTask(id);
        if (readBack == null) {
          throw new CrmUnavailableException(SYSTEM, what + ": upserted (204) but not found by "
              + properties.externalIdField() + " afterwards");
        }
        return new CrmTaskRef(SYSTEM, readBack, false);
      }
      if (!answer.ok()) {
        throw failure(answer, what);
      }
      boolean created = answer.status() == 201 || answer.body().path("created").asBoolean(false);
      return new CrmTaskRef(SYSTEM, answer.body().path("id").asText(), created);
    });
  }

  CrmGuard guard() {
    return guard;
  }

  static String priority(CrmPriority priority) {
    return switch (priority) {
      case LOW -> "Low";
      case MEDIUM -> "Normal";
      case HIGH, URGENT -> "High";
    };
  }

  private ObjectNode fields(CrmTaskRequest request, String whoId, List<String> notes) {
    ObjectNode fields = CrmHttp.JSON.createObjectNode();
    fields.put("Subject", TaskText.subject(request, "", SUBJECT_MAX));
    fields.put("Description", TaskText.body(request, notes, DESCRIPTION_MAX));
    fields.put("ActivityDate", request.dueAt().atZone(properties.timeZone()).toLocalDate().toString());
    fields.put("ReminderDateTime", DATE_TIME.format(request.dueAt()));
    fields.put("IsReminderSet", true);
    fields.put("Priority", priority(request.priority()));
    fields.put("Status", "Not Started");
    if (request.ownerCrmId() != null) {
      fields.put("OwnerId", request.ownerCrmId());
    }
    if (whoId != null) {
      fields.put("WhoId", whoId);
    }
    return fields;
  }

  /** The Id of the Task carrying this Waymark task id, or null. */
  private String findTask(String waymarkTaskId) {
    String what = "the Task lookup by " + properties.externalIdField() + " = " + waymarkTaskId;
    Answer answer = authorized(what, token -> CrmHttp.exchange(SYSTEM, what, false, http.get()
        .uri(taskPath() + "?fields=Id", properties.apiVersion(), properties.externalIdField(), waymarkTaskId)
        .headers(h -> h.setBearerAuth(token))
        .accept(MediaType.APPLICATION_JSON)));
    if (answer.status() == 404) {
      return null;
    }
    if (!answer.ok()) {
      throw failure(answer, what);
    }
    return answer.body().path("Id").asText(null);
  }

  private String whoId(CrmContact contact, List<String> notes) {
    String known = contact.attribute(CrmContact.SALESFORCE_WHO_ID);
    if (known != null) {
      return known;
    }
    if (contact.phone() == null) {
      notes.add("Not linked to a Salesforce Contact or Lead: the contact has no phone number to find one by.");
      return null;
    }
    String phones = String.join(", ", phoneForms(contact.phone()).stream().map(p -> "'" + p + "'").toList());
    String match = "(Phone IN (" + phones + ") OR MobilePhone IN (" + phones + "))";
    for (String object : List.of("Contact", "Lead")) {
      String soql = "SELECT Id FROM " + object + " WHERE " + ("Lead".equals(object) ? "IsConverted = false AND " : "")
          + match + " ORDER BY CreatedDate LIMIT 1";
      String what = "the " + object + " lookup for Waymark contact " + contact.waymarkContactId();
      Answer answer = authorized(what, token -> CrmHttp.exchange(SYSTEM, what, false, http.get()
          .uri("/services/data/{version}/query?q={soql}", properties.apiVersion(), soql)
          .headers(h -> h.setBearerAuth(token))
          .accept(MediaType.APPLICATION_JSON)));
      if (!answer.ok() && answer.status() != 404) {
        throw failure(answer, what);
      }
      JsonNode records = answer.body().path("records");
      if (records.size() > 0 && !records.get(0).path("Id").asText("").isEmpty()) {
        return records.get(0).path("Id").asText();
      }
    }
    notes.add("Not linked to a Salesforce Contact or Lead: none has the phone number " + contact.phone() + ".");
    return null;
  }

  /** The E.164 number and, for +1 numbers, the forms Salesforce stores US numbers in. Digits only: safe in SOQL. */
  static List<String> phoneForms(String e164) {
    List<String> forms = new ArrayList<>(List.of(e164));
    if (e164.matches("\\+1[0-9]{10}")) {
      String n = e164.substring(2);
      forms.add("(" + n.substring(0, 3) + ") " + n.substring(3, 6) + "-" + n.substring(6));
      forms.add(n);
    }
    return forms;
  }

  private String taskPath() {
    return "/services/data/{version}/sobjects/Task/{field}/{id}";
  }

  /** Runs the call with the current token; on 401 once more with a fresh token; a second 401 is a refusal. */
  private Answer authorized(String what, Function<String, Answer> call) {
    String token = tokens.current();
    Answer answer = call.apply(token);
    if (answer.status() != 401) {
      return answer;
    }
    tokens.rejected(token);
    answer = call.apply(tokens.current());
    if (answer.status() == 401) {
      throw new CrmRejectedException(SYSTEM, 401, "a fresh access token for " + what + " (" + detail(answer) + ")");
    }
    return answer;
  }

  /**
   * 429, 5xx and Salesforce's transient error codes (API limit, row lock): try again. 300: the external id is on
   * several Tasks. Anything else: a refusal naming Salesforce's error code, message and fields.
   */
  private RuntimeException failure(Answer answer, String what) {
    int status = answer.status();
    JsonNode first = answer.body().isArray() ? answer.body().path(0) : answer.body();
    if (status == 429 || status >= 500 || TRANSIENT.contains(first.path("errorCode").asText(""))) {
      return new CrmUnavailableException(SYSTEM, what + ": " + detail(answer));
    }
    if (status == 300) {
      return new CrmRejectedException(SYSTEM, status, what + ": several Tasks carry that "
          + properties.externalIdField() + " (make the field Unique)");
    }
    return new CrmRejectedException(SYSTEM, status, what + " (" + detail(answer) + ")");
  }

  private static String detail(Answer answer) {
    JsonNode first = answer.body().isArray() ? answer.body().path(0) : answer.body();
    String code = first.path("errorCode").asText(first.path("error").asText(""));
    String message = first.path("message").asText(first.path("error_description").asText("")).strip();
    List<String> fields = new ArrayList<>();
    first.path("fields").forEach(f -> fields.add(f.asText()));
    return "HTTP " + answer.status() + (code.isEmpty() ? "" : " " + code) + (message.isEmpty() ? "" : ": " + message)
        + (fields.isEmpty() ? "" : " (fields: " + String.join(", ", fields) + ")");
  }
}
