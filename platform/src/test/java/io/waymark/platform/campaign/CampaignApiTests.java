package io.waymark.platform.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.waymark.platform.campaign.CampaignFixtures.Cohort;
import io.waymark.platform.template.Channel;
import io.waymark.platform.template.MessageTemplates;
import io.waymark.platform.template.NewTemplate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The campaign API: creation checked field by field, the three schedules, listing, cancelling. */
@CampaignTest
class CampaignApiTests {

  @Autowired MockMvc mvc;
  @Autowired CampaignFixtures fixtures;
  @Autowired CampaignRuns runs;
  @Autowired MessageTemplates templates;
  @Autowired ApplicationEvents events;
  @Autowired ObjectMapper json;
  @Autowired Clock clock;

  private ObjectNode campaign(Cohort cohort) {
    ObjectNode body = json.createObjectNode();
    body.put("name", "Spring sale");
    body.put("segmentId", cohort.segment().value());
    body.put("templateKey", CampaignFixtures.TEMPLATE);
    body.put("topic", "promotions");
    body.putObject("schedule").put("type", "NOW");
    body.put("createdBy", "maya@acme.example");
    return body;
  }

  private ResultActions post(String path, JsonNode body) throws Exception {
    return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
        .contentType(MediaType.APPLICATION_JSON).content(body.toString()));
  }

  private long created(JsonNode body) throws Exception {
    String location = post("/api/v1/campaigns", body).andExpect(status().isCreated())
        .andReturn().getResponse().getHeader("Location");
    return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
  }

  @Test
  void createsANowCampaignAndRequestsItsRunAtOnce() throws Exception {
    Cohort cohort = fixtures.cohort(2, "promotions");

    post("/api/v1/campaigns", campaign(cohort))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", org.hamcrest.Matchers.matchesPattern("/api/v1/campaigns/\\d+")))
        .andExpect(jsonPath("$.name").value("Spring sale"))
        .andExpect(jsonPath("$.status").value("ACTIVE"))
        .andExpect(jsonPath("$.schedule.type").value("NOW"))
        .andExpect(jsonPath("$.brand").value("default"))
        .andExpect(jsonPath("$.createdBy").value("maya@acme.example"))
        .andExpect(jsonPath("$.runs.length()").value(1))
        .andExpect(jsonPath("$.runs[0].status").value("REQUESTED"))
        .andExpect(jsonPath("$.runs[0].counts.resolved").value(0));

    assertThat(events.stream(CampaignRunRequested.class)).hasSize(1);
  }

  @Test
  void namesTheFieldOfEveryMistake() throws Exception {
    Cohort cohort = fixtures.cohort(0, "promotions");
    templates.create(new NewTemplate("campaign.draft-" + UUID.randomUUID().toString().substring(0, 8), null,
        Channel.SMS, "promotional", null, null, "Hi {firstName|there}! Reply STOP to opt out.", null, null));
    String draft = templates.list().stream().filter(t -> t.key().startsWith("campaign.draft-")).findFirst()
        .orElseThrow().key();

    refused(cohort, b -> b.remove("name"), "name");
    refused(cohort, b -> b.put("segmentId", 999_999), "segmentId", "no segment 999999");
    refused(cohort, b -> b.remove("segmentId"), "segmentId");
    refused(cohort, b -> b.put("templateKey", "no.such-template"), "templateKey", "no template");
    refused(cohort, b -> b.put("templateKey", "lead-follow-up.fallback-email"), "templateKey", "EMAIL");
    refused(cohort, b -> b.put("templateKey", draft), "templateKey", "no approved version");
    refused(cohort, b -> b.put("topic", "Promotions!"), "topic");
    refused(cohort, b -> b.remove("topic"), "topic");
    refused(cohort, b -> b.remove("createdBy"), "createdBy");
    refused(cohort, b -> b.remove("schedule"), "schedule.type");
    refused(cohort, b -> b.putObject("schedule").put("type", "SOMETIME"), "schedule.type", "SOMETIME");
    refused(cohort, b -> b.putObject("schedule").put("type", "AT"), "schedule.at");
    refused(cohort, b -> b.putObject("schedule").put("type", "AT").put("at", "2020-01-01T00:00:00Z"), "schedule.at",
        "not in the future");
    refused(cohort, b -> b.putObject("schedule").put("type", "AT").put("at", "tomorrow"), "schedule.at");
    refused(cohort, b -> b.putObject("schedule").put("type", "RECURRING").put("cron", "every day")
        .put("zone", "UTC"), "schedule.cron", "not a cron expression");
    refused(cohort, b -> b.putObject("schedule").put("type", "RECURRING").put("cron", "0 */5 * * * *")
        .put("zone", "UTC"), "schedule.cron", "at least 1 hour apart");
    refused(cohort, b -> b.putObject("schedule").put("type", "RECURRING").put("cron", "0 0 10 * * *")
        .put("zone", "Mars/Olympus"), "schedule.zone", "not a time zone");
    refused(cohort, b -> b.put("sendTo", "everyone"), "sendTo", "not a campaign property");
    assertThat(events.stream(CampaignRunRequested.class)).isEmpty();
  }

  private void refused(Cohort cohort, Consumer<ObjectNode> change, String field, String... says) throws Exception {
    ObjectNode body = campaign(cohort);
    change.accept(body);
    ResultActions result = post("/api/v1/campaigns", body).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value(field));
    for (String text : says) {
      result.andExpect(jsonPath("$.detail", containsString(text)));
    }
  }

  @Test
  void reportsEveryMistakeAtOnce() throws Exception {
    ObjectNode body = json.createObjectNode();
    body.putObject("schedule").put("type", "NOW");

    post("/api/v1/campaigns", body).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("name", "segmentId",
            "templateKey", "topic", "createdBy")));
  }

  @Test
  void schedulesAnAtCampaignWithoutStartingIt() throws Exception {
    ObjectNode body = campaign(fixtures.cohort(1, "promotions"));
    Instant at = clock.instant().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    body.putObject("schedule").put("type", "AT").put("at", at.toString());

    long id = created(body);

    mvc.perform(get("/api/v1/campaigns/{id}", id)).andExpect(status().isOk())
        .andExpect(jsonPath("$.schedule.type").value("AT"))
        .andExpect(jsonPath("$.nextRunAt").value(at.toString()))
        .andExpect(jsonPath("$.runs.length()").value(0));
    assertThat(events.stream(CampaignRunRequested.class)).isEmpty();
  }

  @Test
  void schedulesARecurringCampaignAtItsNextFireInItsZone() throws Exception {
    ObjectNode body = campaign(fixtures.cohort(1, "promotions"));
    body.putObject("schedule").put("type", "RECURRING").put("cron", "0 9 * * MON-FRI").put("zone", "America/New_York");

    long id = created(body);

    ZonedDateTime next = ZonedDateTime.parse(json.readTree(mvc.perform(get("/api/v1/campaigns/{id}", id))
        .andReturn().getResponse().getContentAsString()).path("nextRunAt").asText())
        .withZoneSameInstant(ZoneId.of("America/New_York"));
    assertThat(next.getHour()).isEqualTo(9);
    assertThat(next.getMinute()).isZero();
    assertThat(next.getDayOfWeek().getValue()).isBetween(1, 5);
    assertThat(next.toInstant()).isAfter(clock.instant()).isBefore(clock.instant().plus(Duration.ofDays(4)));
  }

  @Test
  void listsCampaignsNewestFirstWithTheirLastRun() throws Exception {
    long first = created(campaign(fixtures.cohort(1, "promotions")));
    long second = created(campaign(fixtures.cohort(1, "promotions")).put("name", "Second"));

    mvc.perform(get("/api/v1/campaigns")).andExpect(status().isOk())
        .andExpect(jsonPath("$[0].id").value(second))
        .andExpect(jsonPath("$[0].lastRun.status").value("REQUESTED"))
        .andExpect(jsonPath("$[0].runs").doesNotExist())
        .andExpect(jsonPath("$[?(@.id == " + first + ")].name").value("Spring sale"));
    mvc.perform(get("/api/v1/campaigns/{id}", 999_999)).andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/campaign-runs/{id}", 999_999)).andExpect(status().isNotFound());
  }

  @Test
  void cancelsACampaignWhoseRunHasNotStartedYet() throws Exception {
    long id = created(campaign(fixtures.cohort(1, "promotions")));

    post("/api/v1/campaigns/" + id + "/cancel", json.createObjectNode().put("by", "lee@acme.example"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("CANCELLED"))
        .andExpect(jsonPath("$.cancelledBy").value("lee@acme.example"))
        .andExpect(jsonPath("$.runs[0].status").value("ENDED"))
        .andExpect(jsonPath("$.runs[0].outcome").value("CANCELLED"));
    post("/api/v1/campaigns/" + id + "/cancel", json.createObjectNode().put("by", "lee@acme.example"))
        .andExpect(status().isOk());
    post("/api/v1/campaigns/" + id + "/cancel", json.createObjectNode()).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("by"));
    post("/api/v1/campaigns/999999/cancel", json.createObjectNode().put("by", "lee")).andExpect(status().isNotFound());
    assertThat(events.stream(CampaignRunCancelled.class)).isEmpty();
    assertThat(runs.toStart(new CampaignRunId(json.readTree(mvc.perform(get("/api/v1/campaigns/{id}", id))
        .andReturn().getResponse().getContentAsString()).path("runs").path(0).path("id").asLong()))).isEmpty();
  }

  @Test
  void asksARunningRunToStopWhenItsCampaignIsCancelled() throws Exception {
    long id = created(campaign(fixtures.cohort(1, "promotions")));
    CampaignRunId run = new CampaignRunId(json.readTree(mvc.perform(get("/api/v1/campaigns/{id}", id))
        .andReturn().getResponse().getContentAsString()).path("runs").path(0).path("id").asLong());
    assertThat(runs.markStarted(run, 4_200_000L + run.value())).isTrue();

    post("/api/v1/campaigns/" + id + "/cancel", json.createObjectNode().put("by", "lee"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.runs[0].status").value("RUNNING"))
        .andExpect(jsonPath("$.runs[0].cancelRequestedAt").exists());

    assertThat(events.stream(CampaignRunCancelled.class)).containsExactly(new CampaignRunCancelled(run));
    mvc.perform(get("/api/v1/campaign-runs/{id}", run.value())).andExpect(status().isOk())
        .andExpect(jsonPath("$.run.processInstanceKey").value(4_200_000L + run.value()))
        .andExpect(jsonPath("$.steps.length()").value(0));
  }

  @Test
  void refusesToCancelACompletedCampaign() throws Exception {
    long id = created(campaign(fixtures.cohort(1, "promotions")));
    CampaignRunId run = new CampaignRunId(json.readTree(mvc.perform(get("/api/v1/campaigns/{id}", id))
        .andReturn().getResponse().getContentAsString()).path("runs").path(0).path("id").asLong());
    runs.markStarted(run, 4_300_000L + run.value());
    runs.recordOutcome(run, "EMPTY_AUDIENCE");

    post("/api/v1/campaigns/" + id + "/cancel", json.createObjectNode().put("by", "lee"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail", containsString("completed")));
    mvc.perform(get("/api/v1/campaigns/{id}", id)).andExpect(jsonPath("$.status").value("COMPLETED"))
        .andExpect(jsonPath("$.runs[0].outcome").value("EMPTY_AUDIENCE"));
  }
}
