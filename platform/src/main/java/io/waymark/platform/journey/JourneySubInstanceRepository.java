package io.waymark.platform.journey;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface JourneySubInstanceRepository extends JpaRepository<JourneySubInstance, Long> {

  List<JourneySubInstance> findByJourneyRunId(long journeyRunId);
}
