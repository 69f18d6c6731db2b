package io.waymark.platform.segment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SegmentDefinitionRepository extends JpaRepository<SegmentDefinition, Long> {

  boolean existsByNameIgnoreCase(String name);

  List<SegmentDefinition> findAllByOrderByNameAsc();
}
