package io.waymark.platform.campaign;

import io.waymark.platform.segment.SegmentId;
import io.waymark.platform.segment.Segments;
import io.waymark.platform.support.InvalidInputException;
import io.waymark.platform.support.InvalidInputException.Problem;
import io.waymark.platform.template.Channel;
import io.waymark.platform.template.MessageTemplates;
import io.waymark.platform.template.TemplateView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Campaigns: sends of an approved SMS template to a segment, now, at an instant or on a cron schedule. Creating one
 * checks everything first (400 naming the field) and, for NOW, requests its run in the same transaction; the scheduler
 * requests the runs of AT and RECURRING campaigns when they fall due ({@link #startDue}), at most one per campaign and
 * fire time whatever the number of Waymark instances. Cancelling stops future runs and asks the live one to stop.
 */
@Service
@EnableConfigurationProperties(CampaignProperties.class)
public class Campaigns {

  static final Pattern TOPIC = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final Pattern BRAND = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
  private static final Logger LOG = LoggerFactory.getLogger(Campaigns.class);
  private static final List<CampaignRun.Status> LIVE = List.of(CampaignRun.Status.REQUESTED,
      CampaignRun.Status.RUNNING);

  private final CampaignRepository campaigns;
  private final CampaignRunRepository runs;
  private final CampaignViews views;
  private final Segments segments;
  private final MessageTemplates templates;
  private final CampaignProperties properties;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final TransactionTemplate transaction;

  Campaigns(CampaignRepository campaigns, CampaignRunRepository runs, CampaignViews views, Segments segments,
      MessageTemplates templates, CampaignProperties properties, ApplicationEventPublisher events, Clock clock,
      PlatformTransactionManager transactions) {
    this.campaigns = campaigns;
    this.runs = runs;
    this.views = views;
    this.segments = segments;
    this.templates = templates;
    this.properties = properties;
    this.events = events;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** Creates a campaign; a NOW campaign's run is requested at once. Writes nothing when anything is wrong. */
  @Transactional
  public CampaignView create(NewCampaign request) {
    Instant now = now();
    List<Problem> problems = new ArrayList<>();
    String name = request.name() == null ? "" : request.name().strip();
    if (name.isEmpty() || name.length() > 100) {
      problems.add(new Problem("name", "must be 1 to 100 characters"));
    }
    if (request.segmentId() == null) {
      problems.add(new Problem("segmentId", "is required: the segment whose members the campaign texts"));
    } else if (segments.find(new SegmentId(request.segmentId())).isEmpty()) {
      problems.add(new Problem("segmentId", "no segment " + request.segmentId()));
    }
    TemplateView template = template(request.templateKey(), problems);
    String topic = request.topic() == null ? "" : request.topic().strip();
    if (topic.isEmpty()) {
      problems.add(new Problem("topic", "is required: the consent topic the campaign is sent on (e.g. promotions)"));
    } else if (!TOPIC.matcher(topic).matches()) {
      problems.add(new Problem("topic", "'" + topic + "' is not a topic (lower-case letters, digits, '-')"));
    }
    String brand = request.brand() == null || request.brand().isBlank() ? null : request.brand().strip();
    if (brand != null && !BRAND.matcher(brand).matches()) {
      problems.add(new Problem("brand", "'" + brand + "' is not a brand code (letters, digits, '-', '_')"));
    }
    Schedule schedule = schedule(request.schedule(), now, problems);
    String createdBy = request.createdBy() == null ? "" : request.createdBy().strip();
    if (createdBy.isEmpty() || createdBy.length() > 100) {
      problems.add(new Problem("createdBy", "is required (1 to 100 characters): who creates the campaign; they "
          + "cannot approve it"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    Campaign campaign = campaigns.saveAndFlush(new Campaign(name, request.segmentId(), template.key(), topic,
        brand != null ? brand : template.brand(), schedule, createdBy, now));
    switch (schedule.type()) {
      case Schedule.NOW -> request(campaign, now, now);
      case Schedule.AT -> campaign.nextFireAt(schedule.at());
      default -> campaign.nextFireAt(CronSchedules.parse(schedule.cron(), schedule.zone(), now).next(now));
    }
    LOG.info("Campaign {} '{}' created by {}: segment {}, template {}, topic {}, schedule {}", campaign.id(), name,
        createdBy, request.segmentId(), template.key(), topic, schedule);
    return views.campaign(campaign, true);
  }

  private TemplateView template(String key, List<Problem> problems) {
    if (key == null || key.isBlank()) {
      problems.add(new Problem("templateKey", "is required: the approved SMS template the campaign sends"));
      return null;
    }
    Optional<TemplateView> template = templates.find(key.strip());
    if (template.isEmpty()) {
      problems.add(new Problem("templateKey", "no template '" + key.strip() + "'"));
    } else if (template.get().channel() != Channel.SMS) {
      problems.add(new Problem("templateKey", "'" + key.strip() + "' is an " + template.get().channel()
          + " template; a campaign sends SMS"));
    } else if (template.get().approvedVersion() == null) {
      problems.add(new Problem("templateKey", "'" + key.strip() + "' has no approved version: approve one first"));
    }
    return template.orElse(null);
  }

  private static Schedule schedule(Schedule schedule, Instant now, List<Problem> problems) {
    if (schedule == null || schedule.type() == null || schedule.type().isBlank()) {
      problems.add(new Problem("schedule.type", "is required: NOW, AT or RECURRING"));
      return null;
    }
    String type = schedule.type().strip().toUpperCase(Locale.ROOT);
    switch (type) {
      case Schedule.NOW -> {
        return Schedule.now();
      }
      case Schedule.AT -> {
        if (schedule.at() == null) {
          problems.add(new Problem("schedule.at", "is required for AT: the instant to send (ISO-8601, e.g. "
              + "2026-04-01T15:00:00Z)"));
        } else if (!schedule.at().isAfter(now)) {
          problems.add(new Problem("schedule.at", schedule.at() + " is not in the future: send NOW instead"));
        }
        return Schedule.at(schedule.at() == null ? null : schedule.at().truncatedTo(ChronoUnit.MICROS));
      }
      case Schedule.RECURRING -> {
        try {
          CronSchedules.Cron cron = CronSchedules.parse(schedule.cron(), schedule.zone(), now);
          return Schedule.recurring(schedule.cron().strip(), cron.zone().getId());
        } catch (CronSchedules.InvalidCron e) {
          problems.add(new Problem("schedule." + e.field, e.problem));
          return null;
        }
      }
      default -> {
        problems.add(new Problem("schedule.type", "'" + schedule.type() + "' is not NOW, AT or RECURRING"));
        return null;
      }
    }
  }

  /** Every campaign, newest first (at most 500), each with its newest run. */
  @Transactional(readOnly = true)
  public List<CampaignView> list() {
    return campaigns.findAllByOrderByIdDesc(PageRequest.of(0, 500)).stream()
        .map(campaign -> views.campaign(campaign, false)).toList();
  }

  /** One campaign with every run, its counts and approval. */
  @Transactional(readOnly = true)
  public Optional<CampaignView> find(CampaignId id) {
    return campaigns.findById(id.value()).map(campaign -> views.campaign(campaign, true));
  }

  /**
   * Cancels a campaign: no further runs; a run not yet started never starts; a running one is asked to stop
   * ({@link CampaignRunCancelled}: its instance ends as CANCELLED, and a batch being sent stops before its next
   * member). Cancelling a cancelled campaign changes nothing; a completed one cannot be cancelled (409).
   */
  @Transactional
  public CampaignView cancel(CampaignId id, String by) {
    if (by == null || by.isBlank() || by.strip().length() > 100) {
      throw new InvalidInputException("by", "is required (1 to 100 characters): who cancels the campaign");
    }
    Campaign campaign = campaigns.findById(id.value())
        .orElseThrow(() -> new CampaignNotFoundException("no campaign " + id));
    if (campaign.status() == Campaign.Status.COMPLETED) {
      throw new CampaignConflictException("campaign " + id + " has completed: there is nothing left to cancel");
    }
    if (campaign.status() == Campaign.Status.CANCELLED) {
      return views.campaign(campaign, true);
    }
    Instant now = now();
    campaign.cancel(by.strip(), now);
    for (CampaignRun run : runs.findByCampaignIdAndStatusIn(campaign.id(), LIVE)) {
      if (run.status() == CampaignRun.Status.REQUESTED) {
        run.ended(CampaignRun.CANCELLED, now);
      } else {
        run.cancelRequested(now);
        events.publishEvent(new CampaignRunCancelled(run.runId()));
      }
    }
    LOG.info("Campaign {} cancelled by {}", id, by.strip());
    return views.campaign(campaign, true);
  }

  /**
   * Requests the run of every campaign due at {@code now}, each in its own transaction. A fire is started once: the
   * unique (campaign, fire time) key lets one Waymark instance win and the others skip it. A fire missed by more
   * than {@code waymark.campaigns.catch-up} is recorded as SKIPPED (MISSED), and one that comes while the previous run
   * is still live as SKIPPED (PREVIOUS_RUN_LIVE): a recurring campaign never has two runs at once.
   *
   * @return how many runs were requested
   */
  public int startDue(Instant at) {
    Instant now = at.truncatedTo(ChronoUnit.MICROS);
    int requested = 0;
    for (Long id : campaigns.findDue(now, PageRequest.of(0, 100))) {
      try {
        Boolean started = transaction.execute(status -> fire(id, now));
        requested += Boolean.TRUE.equals(started) ? 1 : 0;
      } catch (DataIntegrityViolationException | ConcurrencyFailureException concurrent) {
        LOG.debug("Campaign {}: its due fire was taken by another instance", id);
      }
    }
    return requested;
  }

  private boolean fire(long id, Instant now) {
    Campaign campaign = campaigns.findById(id).orElseThrow();
    if (!campaign.isDue(now)) {
      return false;
    }
    Instant fire = campaign.nextFireAt();
    boolean started = false;
    if (runs.existsByCampaignIdAndFireTime(id, fire)) {
      LOG.info("Campaign {}: the run for {} exists already (another instance started it)", id, fire);
    } else if (fire.isBefore(now.minus(properties.catchUp()))) {
      runs.saveAndFlush(new CampaignRun(id, fire, now, now).skipped(CampaignRun.MISSED));
      LOG.warn("Campaign {}: the run due at {} was missed (Waymark was not running); skipped", id, fire);
    } else if (stillLive(id, now)) {
      runs.saveAndFlush(new CampaignRun(id, fire, now, now).skipped(CampaignRun.PREVIOUS_RUN_LIVE));
      LOG.warn("Campaign {}: the run due at {} is skipped, the previous run is still live", id, fire);
    } else {
      request(campaign, fire, now);
      started = true;
    }
    campaign.nextFireAt(campaign.recurring()
        ? CronSchedules.parse(campaign.schedule().cron(), campaign.schedule().zone(), now).next(now) : null);
    if (!started) {
      campaign.runEnded();
    }
    campaigns.saveAndFlush(campaign);
    return started;
  }

  /**
   * Whether the campaign has a live run. One live an hour past its send window (its instance was cancelled outside
   * Waymark, so nothing will end it) is ended as ABANDONED instead of blocking every later fire.
   */
  private boolean stillLive(long campaignId, Instant now) {
    boolean live = false;
    for (CampaignRun run : runs.findByCampaignIdAndStatusIn(campaignId, LIVE)) {
      if (run.abandoned(now)) {
        run.ended(CampaignRun.ABANDONED, now);
        LOG.warn("Campaign {}: run {} was still live long after its send window closed; ended as ABANDONED",
            campaignId, run.id());
      } else {
        live = true;
      }
    }
    return live;
  }

  private void request(Campaign campaign, Instant fire, Instant now) {
    CampaignRun run = runs.saveAndFlush(new CampaignRun(campaign.id(), fire, now, now.plus(maxDuration())));
    events.publishEvent(new CampaignRunRequested(run.runId()));
    LOG.info("Campaign {}: run {} requested for {}", campaign.id(), run.id(), fire);
  }

  /** Now, as the database keeps it (microseconds), so that what is returned and what is read back agree. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private Duration maxDuration() {
    return properties.maxDuration();
  }
}
