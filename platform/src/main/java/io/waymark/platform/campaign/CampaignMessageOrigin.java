package io.waymark.platform.campaign;

import io.waymark.platform.messaging.MessageOrigin;
import io.waymark.platform.segment.Segments;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells "why this message?" that a campaign-send instance sent it: the campaign, its run and the segment it reached. */
@Component
class CampaignMessageOrigin implements MessageOrigin {

  private final CampaignRunRepository runs;
  private final CampaignRepository campaigns;
  private final Segments segments;

  CampaignMessageOrigin(CampaignRunRepository runs, CampaignRepository campaigns, Segments segments) {
    this.runs = runs;
    this.campaigns = campaigns;
    this.segments = segments;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Origin> originOf(long processInstanceKey) {
    return runs.findByProcessInstanceKey(processInstanceKey).flatMap(run -> campaigns.findById(run.campaignId())
        .map(campaign -> {
          String segment = segments.find(new io.waymark.platform.segment.SegmentId(campaign.segmentId()))
              .map(s -> s.name()).orElse("segment " + campaign.segmentId());
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("campaignId", campaign.campaignId().value());
          details.put("campaign", campaign.name());
          details.put("runId", run.id());
          details.put("segmentId", campaign.segmentId());
          details.put("segment", segment);
          details.put("template", campaign.templateKey());
          details.put("createdBy", campaign.createdBy());
          return new Origin("campaign", "Campaign '" + campaign.name() + "' (run " + run.id() + ", by "
              + campaign.createdBy() + ") sent to the segment '" + segment + "'", details);
        }));
  }
}
