package io.waymark.platform.consent;

import java.util.Optional;
import org.springframework.data.repository.Repository;

interface ConsentRecordRepository extends Repository<ConsentRecord, Long> {

  ConsentRecord save(ConsentRecord record);

  Optional<ConsentRecord> findFirstByContactIdAndTopicOrderByOccurredAtDescIdDesc(long contactId, String topic);

  long countByContactId(long contactId);

  boolean existsByContactIdAndSourceRef(long contactId, String sourceRef);
}
