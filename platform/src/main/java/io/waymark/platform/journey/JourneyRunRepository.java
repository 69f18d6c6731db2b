package io.waymark.platform.journey;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface JourneyRunRepository extends JpaRepository<JourneyRun, Long> {

  Optional<JourneyRun> findByEventId(String eventId);

  Optional<JourneyRun> findByProcessInstanceKey(long processInstanceKey);

  List<JourneyRun> findByContactIdAndStatusNot(long contactId, JourneyRun.Status status);

  @Query("select r.processId as processId, count(r) as running from JourneyRun r "
      + "where r.status <> io.waymark.platform.journey.JourneyRun.Status.ENDED group by r.processId")
  List<LiveCount> countLiveByProcessId();

  interface LiveCount {
    String getProcessId();

    long getRunning();
  }
}
