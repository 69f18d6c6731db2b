package io.waymark.platform.journey;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface JourneyRunRepository extends JpaRepository<JourneyRun, Long> {

  Optional<JourneyRun> findByEventId(String eventId);

  Optional<JourneyRun> findByProcessInstanceKey(long processInstanceKey);

  List<JourneyRun> findByContactIdAndStatusIn(long contactId, List<JourneyRun.Status> statuses);

  Optional<JourneyRun> findByLiveKey(String liveKey);

  boolean existsByProcessIdAndContactIdAndStatusIn(String processId, long contactId, List<JourneyRun.Status> statuses);

  @Query("select r.processId as processId, count(r) as running from JourneyRun r "
      + "where r.status in (io.waymark.platform.journey.JourneyRun.Status.REQUESTED, "
      + "io.waymark.platform.journey.JourneyRun.Status.RUNNING) group by r.processId")
  List<LiveCount> countLiveByProcessId();

  interface LiveCount {
    String getProcessId();

    long getRunning();
  }
}
