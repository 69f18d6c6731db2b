package io.waymark.platform.crm.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.waymark.platform.crm.connector.CrmHttp.Answer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * HubSpot CRM v3 with a private app's bearer token. A task is {@code POST /crm/v3/objects/tasks} with
 * {@code hs_timestamp} (the SLA deadline, epoch milliseconds), {@code hs_task_subject}, {@code hs_task_body},
 * {@code hs_task_status} NOT_STARTED, {@code hs_task_priority} (URGENT is sent as HIGH), {@code hs_task_type} CALL,
 * {@code hubspot_owner_id} when the rep is known, and an association to the contact (type 204, HUBSPOT_DEFINED).
 * The contact is attribute {@value CrmContact#HUBSPOT_CONTACT_ID}, else the contact whose {@code phone} or
 * {@code mobilephone} equals the E.164 number, else none (the body says so).
 *
 * <p>Idempotency: HubSpot has no external id on tasks, so the subject ends with a marker
 * ({@code (waymarktask42)}, one alphanumeric token, which HubSpot's tokenizer cannot split) and every attempt first
 * searches tasks for it ({@code CONTAINS_TOKEN} on {@code hs_task_subject}, checked again exactly here). HubSpot's
 * search lags a write by a few seconds, so a create whose answer was lost is never retried at once: the attempt fails
 * as unconfirmed, and the inbox's later retry finds the task.
 */
class HubSpotConnector implements CrmConnector {

  static final String SYSTEM = "hubspot";
  static final int TASK_TO_CONTACT = 204;
  static final int SUBJECT_MAX = 255;
  static final int BODY_MAX = 65_000;

  private final RestClient http;
  private final CrmGuard guard;

  HubSpotConnector(HubSpotProperties properties, Clock clock) {
    this.http = CrmHttp.restClient(properties.baseUrl(), properties.connectTimeout(), properties.timeout())
        .mutate()
        .defaultHeaders(h -> h.setBearerAuth(properties.accessToken()))
        .build();
    this.guard = new CrmGuard(SYSTEM, properties.resilience(), clock);
  }

  @Override
  public String system() {
    return SYSTEM;
  }

  @Override
  public CrmTaskRef upsertTask(CrmTaskRequest request) {
    return guard.call(() -> {
      String marker = marker(request.waymarkTaskId());
      Optional<String> earlier = findTask(request.waymarkTaskId(), marker);
      if (earlier.isPresent()) {
        return new CrmTaskRef(SYSTEM, earlier.get(), false);
      }
      List<String> notes = new ArrayList<>();
      String contactId = contactId(request.contact(), notes);
      return new CrmTaskRef(SYSTEM, create(request, marker, contactId, notes), true);
    });
  }

  CrmGuard guard() {
    return guard;
  }

  /** The token that marks the HubSpot task of one Waymark task. */
  static String marker(long waymarkTaskId) {
    return "waymarktask" + waymarkTaskId;
  }

  static String priority(CrmPriority priority) {
    return switch (priority) {
      case LOW -> "LOW";
      case MEDIUM -> "MEDIUM";
      case HIGH, URGENT -> "HIGH";
    };
  }

  private Optional<String> findTask(long waymarkTaskId, String marker) {
    ObjectNode search = CrmHttp.JSON.createObjectNode();
    search.putArray("filterGroups").addObject().putArray("filters").addObject()
        .put("propertyName", "hs_task_subject").put("operator", "CONTAINS_TOKEN").put("value", marker);
    search.putArray("properties").add("hs_task_subject");
    search.put("limit", 10);
    String what = "the task search for Waymark task " + waymarkTaskId;
    Answer answer = post("/crm/v3/objects/tasks/search", search, what, false);
    if (answer.status() == 404) {
      return Optional.empty();
    }
    if (!answer.ok()) {
      throw failure(answer, what, false);
    }
    Pattern exact = Pattern.compile("(?i)(?<![a-z0-9])" + marker + "(?![a-z0-9])");
    return lowestId(answer.body().path("results"),
        result -> exact.matcher(result.path("properties").path("hs_task_subject").asText("")).find());
  }

  private String contactId(CrmContact contact, List<String> notes) {
    String known = contact.attribute(CrmContact.HUBSPOT_CONTACT_ID);
    if (known != null) {
      return known;
    }
    if (contact.phone() == null) {
      notes.add("Not associated with a HubSpot contact: the contact has no phone number to find one by.");
      return null;
    }
    ObjectNode search = CrmHttp.JSON.createObjectNode();
    ArrayNode groups = search.putArray("filterGroups");
    for (String property : List.of("phone", "mobilephone")) {
      groups.addObject().putArray("filters").addObject()
          .put("propertyName", property).put("operator", "EQ").put("value", contact.phone());
    }
    search.putArray("properties").add("phone").add("mobilephone");
    search.put("limit", 10);
    String what = "the contact search for Waymark contact " + contact.waymarkContactId();
    Answer answer = post("/crm/v3/objects/contacts/search", search, what, false);
    if (answer.status() == 404) {
      return null;
    }
    if (!answer.ok()) {
      throw failure(answer, what, false);
    }
    Optional<String> found = lowestId(answer.body().path("results"), result -> true);
    if (found.isEmpty()) {
      notes.add("Not associated with a HubSpot contact: none has the phone number " + contact.phone() + ".");
    }
    return found.orElse(null);
  }

  private String create(CrmTaskRequest request, String marker, String contactId, List<String> notes) {
    ObjectNode task = CrmHttp.JSON.createObjectNode();
    ObjectNode properties = task.putObject("properties");
    properties.put("hs_timestamp", Long.toString(request.dueAt().toEpochMilli()));
    properties.put("hs_task_subject", TaskText.subject(request, " (" + marker + ")", SUBJECT_MAX));
    properties.put("hs_task_body", TaskText.body(request, notes, BODY_MAX));
    properties.put("hs_task_status", "NOT_STARTED");
    properties.put("hs_task_priority", priority(request.priority()));
    properties.put("hs_task_type", "CALL");
    if (request.ownerCrmId() != null) {
      properties.put("hubspot_owner_id", request.ownerCrmId());
    }
    if (contactId != null) {
      ObjectNode association = task.putArray("associations").addObject();
      association.putObject("to").put("id", contactId);
      association.putArray("types").addObject()
          .put("associationCategory", "HUBSPOT_DEFINED").put("associationTypeId", TASK_TO_CONTACT);
    }
    String what = "the task for Waymark task " + request.waymarkTaskId();
    Answer answer = post("/crm/v3/objects/tasks", task, what, true);
    if (!answer.ok()) {
      throw failure(answer, what, true);
    }
    String id = answer.body().path("id").asText("");
    if (id.isEmpty()) {
      throw CrmUnavailableException.unconfirmed(SYSTEM, what + ": HTTP " + answer.status() + " without a task id",
          null);
    }
    return id;
  }

  private Answer post(String path, ObjectNode body, String what, boolean write) {
    return CrmHttp.exchange(SYSTEM, what, write, http.post().uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .accept(MediaType.APPLICATION_JSON)
        .body(body));
  }

  /** The smallest numeric id among the matching results (HubSpot ids grow, so the oldest record). */
  private static Optional<String> lowestId(JsonNode results, java.util.function.Predicate<JsonNode> matching) {
    List<String> ids = new ArrayList<>();
    for (JsonNode result : results) {
      String id = result.path("id").asText("");
      if (!id.isEmpty() && matching.test(result)) {
        ids.add(id);
      }
    }
    return ids.stream().min(Comparator.comparing((String id) -> id.length()).thenComparing(Comparator.naturalOrder()));
  }

  /**
   * 429 and 409: try again later. 5xx: try again later, at once only if nothing was written. Any other status: a
   * refusal naming HubSpot's category and message.
   */
  private static RuntimeException failure(Answer answer, String what, boolean write) {
    int status = answer.status();
    String message = answer.body().path("message").asText("").strip();
    String category = answer.body().path("category").asText("");
    String detail = "HTTP " + status + (category.isEmpty() ? "" : " " + category)
        + (message.isEmpty() ? "" : ": " + message);
    if (status == 429 || status == 409) {
      return new CrmUnavailableException(SYSTEM, what + ": " + detail);
    }
    if (status >= 500) {
      return write ? CrmUnavailableException.unconfirmed(SYSTEM, what + ": " + detail, null)
          : new CrmUnavailableException(SYSTEM, what + ": " + detail);
    }
    return new CrmRejectedException(SYSTEM, status, what + " (" + detail + ")");
  }
}
