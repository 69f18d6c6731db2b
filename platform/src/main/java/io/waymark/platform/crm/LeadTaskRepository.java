package io.waymark.platform.crm;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface LeadTaskRepository extends JpaRepository<LeadTask, Long> {

  Optional<LeadTask> findBySourceKey(String sourceKey);

  Optional<LeadTask> findByCrmSystemAndCrmExternalId(String crmSystem, String crmExternalId);

  List<LeadTask> findByContactIdAndStatusIn(long contactId, Collection<LeadTask.Status> statuses);

  @Query("select t from LeadTask t where (:owner is null or t.ownerId = :owner)"
      + " and t.status in :statuses order by t.dueAt asc, t.id asc")
  Page<LeadTask> inbox(@Param("owner") String owner, @Param("statuses") Collection<LeadTask.Status> statuses,
      Pageable page);

  @Query("select t.id from LeadTask t where t.crmSync = io.waymark.platform.crm.LeadTask.Sync.PENDING"
      + " and t.crmNextAttemptAt <= :now order by t.crmNextAttemptAt")
  List<Long> dueForSync(@Param("now") Instant now, Pageable page);

  /** Time to accept of tasks accepted in [from, to), for reporting. */
  @Query("select t.timeToAcceptMs from LeadTask t where t.acceptedAt >= :from and t.acceptedAt < :to"
      + " and t.timeToAcceptMs is not null")
  List<Long> timesToAccept(@Param("from") Instant from, @Param("to") Instant to);
}
