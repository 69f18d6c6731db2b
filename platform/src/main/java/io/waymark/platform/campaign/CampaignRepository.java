package io.waymark.platform.campaign;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CampaignRepository extends JpaRepository<Campaign, Long> {

  List<Campaign> findAllByOrderByIdDesc(Pageable page);

  @Query("select c.id from Campaign c where c.status = io.waymark.platform.campaign.Campaign.Status.ACTIVE "
      + "and c.nextFireAt <= :now order by c.nextFireAt")
  List<Long> findDue(Instant now, Pageable page);
}
