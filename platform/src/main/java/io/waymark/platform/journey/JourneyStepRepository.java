package io.waymark.platform.journey;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface JourneyStepRepository extends JpaRepository<JourneyStep, Long> {

  List<JourneyStep> findByProcessInstanceKeyOrderById(long processInstanceKey);

  List<JourneyStep> findByProcessInstanceKeyInOrderById(java.util.Collection<Long> processInstanceKeys);

  List<JourneyStep> findByProcessInstanceKeyAndOutcomeAndResolvedAtIsNull(long processInstanceKey,
      JourneySteps.Outcome outcome);

  List<JourneyStep> findByOutcomeOrderByIdDesc(JourneySteps.Outcome outcome, Pageable page);
}
