package io.waymark.platform.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The SMS conversation with one contact as people read it: both directions, oldest first. */
@Service
public class Conversations {

  private final OutboundMessageRepository outbound;
  private final InboundMessageRepository inbound;

  Conversations(OutboundMessageRepository outbound, InboundMessageRepository inbound) {
    this.outbound = outbound;
    this.inbound = inbound;
  }

  /** The contact's last {@code limit} messages, sent or received, oldest first. */
  @Transactional(readOnly = true)
  public List<Line> recent(long contactId, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, not " + limit);
    }
    List<Line> lines = new ArrayList<>();
    outbound.findByContactIdOrderByCreatedAtDesc(contactId, PageRequest.of(0, limit))
        .forEach(m -> lines.add(m.toLine()));
    inbound.findByContactIdOrderByReceivedAtDesc(contactId, PageRequest.of(0, limit))
        .forEach(m -> lines.add(m.toLine()));
    lines.sort(Comparator.comparing(Line::at).reversed());
    List<Line> newest = new ArrayList<>(lines.subList(0, Math.min(limit, lines.size())));
    newest.sort(Comparator.comparing(Line::at));
    return List.copyOf(newest);
  }

  /** Who wrote a line: OUT (we sent it) or IN (the contact). */
  public enum Direction { OUT, IN }

  /**
   * One message; {@code note} is the delivery status of a sent message (QUEUED, SENT, DELIVERED, ...) or the class
   * of a received one (HOT, NOT_NOW, OTHER, ...).
   */
  public record Line(Instant at, Direction direction, String body, String note) {
  }
}
