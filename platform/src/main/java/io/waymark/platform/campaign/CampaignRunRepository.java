package io.waymark.platform.campaign;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CampaignRunRepository extends JpaRepository<CampaignRun, Long> {

  List<CampaignRun> findByCampaignIdOrderByFireTimeDescIdDesc(long campaignId);

  Optional<CampaignRun> findFirstByCampaignIdOrderByFireTimeDescIdDesc(long campaignId);

  List<CampaignRun> findByCampaignIdAndStatusIn(long campaignId, List<CampaignRun.Status> statuses);

  boolean existsByCampaignIdAndFireTime(long campaignId, java.time.Instant fireTime);

  Optional<CampaignRun> findByProcessInstanceKey(Long processInstanceKey);
}
