package io.waymark.platform.crm;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface LeadTaskEventRepository extends JpaRepository<LeadTaskEvent, Long> {

  List<LeadTaskEvent> findByTaskIdOrderById(long taskId);
}
