package io.waymark.platform.messaging;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OutboundMessageRepository extends JpaRepository<OutboundMessage, Long> {

  Optional<OutboundMessage> findByIdempotencyKey(String idempotencyKey);

  /** Sent messages of a class (and topic, null for any) to a contact after {@code since}, exclusive. */
  @Query("select count(m) from OutboundMessage m where m.contactId = :contact and m.status = 'SENT' "
      + "and m.messageClass = :messageClass and (:topic is null or m.topic = :topic) and m.sentAt > :since")
  long countSent(long contact, String messageClass, String topic, Instant since);

  @Query("select min(m.sentAt) from OutboundMessage m where m.contactId = :contact and m.status = 'SENT' "
      + "and m.messageClass = :messageClass and (:topic is null or m.topic = :topic) and m.sentAt > :since")
  Instant oldestSentSince(long contact, String messageClass, String topic, Instant since);
}
