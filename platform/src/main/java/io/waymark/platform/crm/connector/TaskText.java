package io.waymark.platform.crm.connector;

import io.waymark.platform.support.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The words of a CRM task, the same for every CRM. Neither HubSpot nor Salesforce tasks have a tag field, so tags
 * lead the subject in brackets ({@code [Hot Lead] [VIP] Call back Jane Doe}), where a rep scanning a task list sees
 * them, and are listed again in the body. The body also names the contact, the SLA deadline and the Waymark task.
 */
final class TaskText {

  private TaskText() {
  }

  /**
   * The subject: bracketed tags, the request's subject, then {@code suffix} (may be empty), cut to {@code maxLength}
   * by shortening the request's subject only, so that the tags and the suffix survive.
   */
  static String subject(CrmTaskRequest request, String suffix, int maxLength) {
    String tags = request.tags().stream().map(t -> "[" + t + "] ").collect(Collectors.joining());
    String text = request.subject().strip().replaceAll("\\s+", " ");
    int room = maxLength - tags.length() - suffix.length();
    if (room < 1) {
      throw new InvalidInputException("tags", "leave no room for the subject within the CRM's " + maxLength
          + " characters");
    }
    if (text.length() > room) {
      text = text.substring(0, room - 1) + "…";
    }
    return tags + text + suffix;
  }

  /** The body: the request's body, then tags, due time, contact and the Waymark task, then any notes. */
  static String body(CrmTaskRequest request, List<String> notes, int maxLength) {
    StringBuilder body = new StringBuilder();
    if (request.body() != null && !request.body().isBlank()) {
      body.append(request.body().strip()).append("\n\n");
    }
    if (!request.tags().isEmpty()) {
      body.append("Tags: ").append(String.join(", ", request.tags())).append('\n');
    }
    body.append("Due (SLA): ").append(iso(request.dueAt())).append('\n');
    body.append("Contact: ").append(contactLine(request.contact())).append('\n');
    body.append("Waymark task ").append(request.waymarkTaskId()).append('\n');
    for (String note : notes) {
      body.append(note).append('\n');
    }
    String text = body.toString().strip();
    return text.length() <= maxLength ? text : text.substring(0, maxLength - 1) + "…";
  }

  private static String contactLine(CrmContact contact) {
    StringBuilder line = new StringBuilder();
    String name = contact.displayName();
    line.append(name == null ? "Waymark contact " + contact.waymarkContactId() : name);
    if (contact.phone() != null) {
      line.append(", ").append(contact.phone());
    }
    if (contact.email() != null && !contact.email().isBlank()) {
      line.append(", ").append(contact.email().strip());
    }
    return line.toString();
  }

  static String iso(Instant instant) {
    return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }
}
