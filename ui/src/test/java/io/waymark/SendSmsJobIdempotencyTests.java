package io.waymark;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.waymark.workers.messaging.SendSmsWorker;
import io.waymark.workflows.JobTypes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The same {@code send-sms} job run twice, concurrently and after a redelivery, through the real worker and the
 * Twilio adapter against WireMock: one provider call. The send-sms worker's own polling is switched off so that the
 * test holds the job.
 *
 * <p>Its application context differs from the other {@link EngineTest}s' (Twilio, no send-sms worker), and two live
 * contexts would take each other's jobs from the one in-memory engine, each reading its own database. So it runs
 * first ({@code @Order}, see {@code junit-platform.properties}), cancels its run and closes its context when done.
 */
@EngineTest
@Order(1)
@DirtiesContext
class SendSmsJobIdempotencyTests extends EngineTest.Base {

  static final String MESSAGES = "/2010-04-01/Accounts/AC123/Messages.json";
  static final WireMockServer TWILIO = new WireMockServer(options().dynamicPort().containerThreads(20));

  static {
    TWILIO.start();
    // Twilio's list of messages to the recipient shows nothing yet: what reconciliation sees while a send is in flight
    TWILIO.stubFor(WireMock.get(WireMock.urlPathEqualTo(MESSAGES)).willReturn(WireMock.okJson("{\"messages\": []}")));
    TWILIO.stubFor(WireMock.post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201).withFixedDelay(300)
        .withHeader("Content-Type", "application/json").withBody("{\"sid\": \"SM0001\", \"status\": \"queued\"}")));
  }

  @DynamicPropertySource
  static void twilio(DynamicPropertyRegistry registry) {
    registry.add("waymark.twilio.account-sid", () -> "AC123");
    registry.add("waymark.twilio.auth-token", () -> "secret");
    registry.add("waymark.twilio.base-url", TWILIO::baseUrl);
    registry.add("waymark.twilio.from", () -> "+15005550006");
    registry.add("camunda.client.worker.override.send-sms.enabled", () -> "false");
  }

  @AfterAll
  static void stop() {
    TWILIO.stop();
  }

  private final List<Long> instances = new ArrayList<>();

  /** No run of this context's database may wait on in the engine for the next context's workers. */
  @AfterEach
  void cancelRuns() {
    for (long instance : instances) {
      try {
        client.newCancelInstanceCommand(instance).send().join();
      } catch (RuntimeException ended) {
        // ended already
      }
    }
  }

  @Autowired MockMvc mvc;
  @Autowired CamundaClient client;
  @Autowired SendSmsWorker worker;

  private ActivatedJob activateSendSms(Duration timeout) {
    return await().atMost(Duration.ofSeconds(15)).until(() -> client.newActivateJobsCommand()
            .jobType(JobTypes.SEND_SMS).maxJobsToActivate(1).timeout(timeout).send().join().getJobs(),
        jobs -> !jobs.isEmpty()).getFirst();
  }

  private SendSmsWorker.Result run(ActivatedJob job) {
    Map<String, Object> v = job.getVariablesAsMap();
    @SuppressWarnings("unchecked")
    Map<String, Object> answers = (Map<String, Object>) v.get("answers");
    return worker.sendSms(job, (String) v.get("contactId"), (String) v.get("templateId"), (String) v.get("topic"),
        (String) v.get("messageClass"), (String) v.get("brand"), (String) v.get("sendNotAfter"), answers);
  }

  @Test
  void callsTwilioOnceForAJobRunConcurrentlyAgainAndAfterRedelivery() throws Exception {
    TWILIO.resetRequests();
    mvc.perform(post("/api/v1/events").contentType(MediaType.APPLICATION_JSON).content("""
            {"eventId": "lead-%s", "type": "lead.created", "contact": {"phone": "+14155550177", "firstName": "Maya"},
             "consent": {"topics": ["promotions"], "channel": "web-form", "text": "Yes, text me."}}
            """.formatted(UUID.randomUUID())))
        .andExpect(status().isAccepted());
    ActivatedJob job = activateSendSms(Duration.ofSeconds(2));
    instances.add(job.getProcessInstanceKey());

    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Object>> attempts = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Thread.sleep(i == 0 ? 0 : 80); // the first attempt is at Twilio (300 ms) when the others arrive
      attempts.add(pool.submit((Callable<Object>) () -> {
        try {
          return run(job);
        } catch (RuntimeException inFlight) {
          return inFlight; // "a send with this key is in flight": the job is retried and finds the first send
        }
      }));
    }
    List<Long> ids = new ArrayList<>();
    for (Future<Object> attempt : attempts) {
      if (attempt.get() instanceof SendSmsWorker.Result result) {
        ids.add(result.smsMessageId());
      } else {
        assertThat(attempt.get()).asString().contains("in flight");
      }
    }
    pool.shutdown();
    SendSmsWorker.Result again = run(job);

    ActivatedJob redelivered = activateSendSms(Duration.ofSeconds(30)); // the first activation timed out
    SendSmsWorker.Result afterRedelivery = run(redelivered);
    client.newCompleteCommand(redelivered).variables(afterRedelivery).send().join();

    assertThat(redelivered.getKey()).isEqualTo(job.getKey());
    assertThat(ids).isNotEmpty().containsOnly(again.smsMessageId());
    assertThat(afterRedelivery.smsMessageId()).isEqualTo(again.smsMessageId());
    TWILIO.verify(exactly(1), postRequestedFor(urlEqualTo(MESSAGES)));
  }
}
