package io.waymark.demo;

import io.waymark.platform.crm.LeadInbox;
import io.waymark.platform.journey.EventIntake;
import io.waymark.platform.journey.JourneyRuns;
import io.waymark.platform.link.ShortLinks;
import io.waymark.platform.messaging.SmsSandbox;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Demo traffic for the embedded mode: plays a few minutes of a real SMS program through the real paths, so that the
 * dashboard shows something a new user recognises. New contacts with recorded consent enter the win-back journey
 * (and its experiment) and the lead follow-up; the journeys text them through the sandbox provider; then, with
 * variant-dependent odds, recipients open their short links (some links are first fetched by a messaging app's preview
 * bot), reply (YES, STOP, 1 to the lead question), buy ({@code order.completed} with a value; held-out contacts buy
 * too, less often) or book a meeting, and reps accept the hot leads. See {@link DemoRun} for the story and its odds.
 *
 * <p>Offered only where the sandbox provider is on ({@code waymark.sandbox.enabled}) and
 * {@code waymark.demo.traffic.enabled} is not false. One run at a time, in the background; {@link #progress()} says
 * how far it is.
 */
@Service
@ConditionalOnExpression("${waymark.sandbox.enabled:false} and ${waymark.demo.traffic.enabled:true}")
@EnableConfigurationProperties(DemoTrafficProperties.class)
public class DemoTraffic {

  private static final Logger LOG = LoggerFactory.getLogger(DemoTraffic.class);

  /** Where a run is: {@code done} of {@code total} in {@code step}; {@code summary} once FINISHED or FAILED. */
  public record Progress(State state, String step, int done, int total, String summary) {

    public enum State {
      IDLE, RUNNING, FINISHED, FAILED
    }

    static final Progress IDLE = new Progress(State.IDLE, "", 0, 0, "");

    /** The share done of the current step, 0..1. */
    public double fraction() {
      return total == 0 ? 0 : Math.min(1, (double) done / total);
    }
  }

  private final DemoRun.Paths paths;
  private final DemoTrafficProperties properties;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "demo-traffic");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicReference<Progress> progress = new AtomicReference<>(Progress.IDLE);
  private volatile DemoRun.Summary last;

  DemoTraffic(EventIntake events, JourneyRuns runs, SmsSandbox sandbox, ShortLinks links, LeadInbox leads,
      DemoTrafficProperties properties, Clock clock) {
    this.paths = new DemoRun.Paths(events, runs, sandbox, links, leads, clock);
    this.properties = properties;
  }

  /** Starts a run of {@code waymark.demo.traffic.contacts} contacts; false when one is running already. */
  public boolean start() {
    return start(properties.contacts());
  }

  /** Starts a run of {@code contacts} new contacts in the background; false when one is running already. */
  public synchronized boolean start(int contacts) {
    if (progress.get().state() == Progress.State.RUNNING) {
      return false;
    }
    progress.set(new Progress(Progress.State.RUNNING, "Starting", 0, contacts, ""));
    executor.execute(() -> {
      try {
        DemoRun.Summary summary = new DemoRun(paths, properties, contacts, progress::set).play();
        LOG.info("Demo traffic played: {}", summary);
        last = summary;
        progress.set(new Progress(Progress.State.FINISHED, "Done", contacts, contacts, summary.toString()));
      } catch (RuntimeException e) {
        LOG.warn("Demo traffic stopped: {}", e.toString(), e);
        progress.set(new Progress(Progress.State.FAILED, "Stopped", 0, contacts, e.getMessage()));
      }
    });
    return true;
  }

  public Progress progress() {
    return progress.get();
  }

  /** What the last finished run did; null before one finished. */
  DemoRun.Summary last() {
    return last;
  }

  /** {@code waymark.demo.traffic.auto-run}: one run when the application is ready. */
  @EventListener(ApplicationReadyEvent.class)
  void autoRun() {
    if (properties.autoRun()) {
      start();
    }
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }
}
