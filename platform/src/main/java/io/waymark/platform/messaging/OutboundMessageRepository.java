package io.waymark.platform.messaging;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface OutboundMessageRepository extends JpaRepository<OutboundMessage, Long> {

  Optional<OutboundMessage> findByIdempotencyKey(String idempotencyKey);

  boolean existsByIdempotencyKey(String idempotencyKey);

  List<OutboundMessage> findByContactIdOrderByCreatedAtDesc(long contactId, Pageable page);

  /** The contact's newest message that asked a question, sent since {@code since}. */
  Optional<OutboundMessage> findFirstByContactIdAndAnswersIsNotNullAndStatusInAndCreatedAtAfterOrderByIdDesc(
      long contactId, java.util.Collection<OutboundMessage.Status> statuses, java.time.Instant since);

  long countByProcessInstanceKeyAndContactIdAndStatusIn(Long processInstanceKey, long contactId,
      java.util.Collection<OutboundMessage.Status> statuses);

  /**
   * Sent messages (accepted by a provider, whatever their delivery receipt said since) of a class (and topic, null
   * for any) to a contact after {@code since}, exclusive. {@code sentAt} is set only on acceptance.
   */
  @Query("select count(m) from OutboundMessage m where m.contactId = :contact "
      + "and m.messageClass = :messageClass and (:topic is null or m.topic = :topic) and m.sentAt > :since")
  long countSent(long contact, String messageClass, String topic, Instant since);

  @Query("select min(m.sentAt) from OutboundMessage m where m.contactId = :contact "
      + "and m.messageClass = :messageClass and (:topic is null or m.topic = :topic) and m.sentAt > :since")
  Instant oldestSentSince(long contact, String messageClass, String topic, Instant since);

  /** The message a delivery receipt speaks of, locked so that concurrent receipts apply one after the other. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select m from OutboundMessage m where m.provider = :provider and m.providerMessageId = :providerMessageId")
  Optional<OutboundMessage> lockByProviderMessageId(String provider, String providerMessageId);

  /** Messages still SENT (no final receipt) that a provider accepted before {@code before}, oldest first. */
  List<OutboundMessage> findByStatusAndSentAtBeforeOrderBySentAt(OutboundMessage.Status status, Instant before,
      Pageable page);
}
