package io.waymark.platform.consent;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface ConsentRecordRepository extends Repository<ConsentRecord, Long> {

  Optional<ConsentRecord> findById(Long id);

  ConsentRecord save(ConsentRecord record);

  /** The latest line deciding a topic: the topic's own lines and revocations of every topic ("*"). */
  Optional<ConsentRecord> findFirstByContactIdAndTopicInOrderByOccurredAtDescIdDesc(long contactId,
      Collection<String> topics);

  List<ConsentRecord> findByContactIdOrderByOccurredAtAscIdAsc(long contactId);

  boolean existsByContactIdAndSourceRef(long contactId, String sourceRef);

  long countByContactId(long contactId);
}
