package io.waymark.platform.journey;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface JourneyDefinitionRepository extends JpaRepository<JourneyDefinition, Long> {

  boolean existsByDefinitionKey(long definitionKey);

  boolean existsByProcessId(String processId);

  List<JourneyDefinition> findAllByOrderByProcessIdAscVersionDesc();

  java.util.Optional<JourneyDefinition> findByDefinitionKey(long definitionKey);

  java.util.Optional<JourneyDefinition> findFirstByProcessIdAndVersion(String processId, int version);
}
