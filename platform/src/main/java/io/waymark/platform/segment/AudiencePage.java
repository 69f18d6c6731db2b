package io.waymark.platform.segment;

import io.waymark.platform.contact.ContactId;
import java.util.List;

/**
 * One batch of a segment's members for a topic, ascending by contact id. {@code next} is the cursor to pass as
 * {@code after} for the following batch; null when this batch is the last. Contacts created while an audience is
 * resolved may or may not be included; a member that existed throughout is visited exactly once.
 */
public record AudiencePage(List<ContactId> members, ContactId next) {

  public AudiencePage {
    members = List.copyOf(members);
  }

  public boolean last() {
    return next == null;
  }
}
