package io.waymark.platform.messaging.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.waymark.platform.messaging.provider.OutboundSms;
import io.waymark.platform.messaging.provider.SmsRouter;
import io.waymark.platform.messaging.provider.SmsRoutingProperties;
import io.waymark.platform.messaging.provider.SmsRoutingProperties.Route;
import io.waymark.platform.messaging.provider.SmsRoutingProperties.SenderType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Not a test: sends {@code bench.messages} (default 10,000) single-segment SMS through the router and the Twilio
 * adapter against a local WireMock, with the route's rate limiter off and at 100 segments/s, and prints messages/s
 * and the provider calls counted by WireMock (which must equal the messages). Run:
 * {@code ./mvnw -Pbench -pl platform verify -Dtest=TwilioThroughputBench}.
 */
class TwilioThroughputBench {

  static final String MESSAGES = "/2010-04-01/Accounts/ACbench/Messages.json";
  static final int COUNT = Integer.getInteger("bench.messages", 10_000);
  static final int THREADS = Integer.getInteger("bench.threads", 16);

  WireMockServer wiremock;
  TwilioSmsProvider twilio;

  @BeforeEach
  void start() {
    wiremock = new WireMockServer(options().dynamicPort().containerThreads(64));
    wiremock.start();
    wiremock.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody("{\"sid\":\"SMbench\",\"status\":\"queued\"}")));
    twilio = new TwilioSmsProvider(new TwilioProperties("ACbench", "token", wiremock.baseUrl(), "+15005550006", null,
        Duration.ofSeconds(2), Duration.ofSeconds(10)), "https://waymark.example", Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    wiremock.stop();
  }

  @Test
  void sendsWithoutRateLimit() throws Exception {
    run("rate limiter off", 0);
  }

  @Test
  void sendsAtOneHundredSegmentsPerSecond() throws Exception {
    run("rate limiter 100 segments/s", 100);
  }

  private void run(String label, int segmentsPerSecond) throws Exception {
    SmsRouter router = new SmsRouter(List.of(twilio), new SmsRoutingProperties(
        List.of(new Route("*", "*", SenderType.SHORT_CODE, "+15005550006", List.of("twilio"), segmentsPerSecond)),
        SmsRoutingProperties.Resilience.defaults()));
    for (int i = 0; i < 200; i++) { // warm up the client, then count from zero
      router.send("default", sms("warm-" + i), null);
    }
    wiremock.resetRequests();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    long start = System.nanoTime();
    List<Future<?>> sends = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) {
      String key = "bench-" + i;
      sends.add(pool.submit(() -> router.send("default", sms(key), null)));
    }
    for (Future<?> send : sends) {
      send.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    int calls = wiremock.countRequestsMatching(postRequestedFor(urlEqualTo(MESSAGES)).build()).getCount();
    System.out.printf("TwilioThroughputBench [%s]: %d messages in %.1f s = %.0f messages/s, provider calls %d "
        + "(%d threads)%n", label, COUNT, seconds, COUNT / seconds, calls, THREADS);
    assertThat(calls).isEqualTo(COUNT);
  }

  private static OutboundSms sms(String key) {
    return new OutboundSms("+12065550100", null, "Your code is 1234", key, null, Instant.now());
  }
}
