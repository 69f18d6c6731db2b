package io.waymark.platform.crm.connector;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Task requests as the inbox builds them, for the connector tests. */
final class CrmRequests {

  static final Instant DUE = Instant.parse("2030-01-02T05:30:00Z");

  private CrmRequests() {
  }

  static CrmContact contact(Map<String, String> attributes) {
    return new CrmContact(7, "+14155550100", "jane@example.com", "Jane", "Doe", attributes);
  }

  static CrmTaskRequest request(long id, CrmPriority priority, Map<String, String> attributes) {
    return new CrmTaskRequest(id, "Call back Jane Doe", "Replied: yes, call me today", DUE, priority,
        List.of(CrmTaskRequest.HOT_LEAD, CrmTaskRequest.VIP), null, contact(attributes));
  }

  static CrmTaskRequest withOwner(CrmTaskRequest request, String owner) {
    return new CrmTaskRequest(request.waymarkTaskId(), request.subject(), request.body(), request.dueAt(),
        request.priority(), request.tags(), owner, request.contact());
  }
}
