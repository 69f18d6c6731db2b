package io.waymark.demo;

import io.waymark.demo.DemoRun.Person;
import io.waymark.platform.crm.LeadInbox;
import io.waymark.platform.journey.TriggerEvent;
import io.waymark.platform.link.ShortLinks;
import io.waymark.platform.support.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What demo recipients do with their texts, with odds by experiment variant (read from the short link's
 * {@code utm_content}, as a messaging app's link preview sees it). Per 100 recipients of a win-back text:
 *
 * <pre>
 *            click  buy after click  buy without  reply YES  STOP
 * control     22        30              5            6         3
 * discount    32        42              7            7         3
 * holdout (no text): 4 buy anyway
 * </pre>
 *
 * A new lead opens the question's "book a call" link 10 times in 100 (a hot lead by the click), else answers 1 (start
 * soon: a hot lead) 45 times in 100, 2 (later) 15, STOP 3; a fifth of the hot leads book a meeting. Reps accept four in
 * five hot leads. The carrier delivers 95 texts in 100; the others come back undelivered with a carrier error code, and
 * their recipients do nothing.
 */
final class DemoBehaviour {

  private static final Logger LOG = LoggerFactory.getLogger(DemoBehaviour.class);
  static final Pattern SHORT_LINK = Pattern.compile("/l/([A-Za-z0-9_-]{4,})");
  static final String PHONE_BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
      + "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
  static final String PREVIEW_BOT = "WhatsApp/2.24.6.77 A";

  private record Odds(double click, double buyAfterClick, double buyWithout, double yes, double stop) {
  }

  private static final Map<String, Odds> ODDS = Map.of(
      "control", new Odds(0.22, 0.30, 0.05, 0.06, 0.03),
      "discount", new Odds(0.32, 0.42, 0.07, 0.07, 0.03));
  private static final double HOLDOUT_BUYS = 0.04;
  private static final double DELIVERED = 0.95;
  private static final double BOOKING_CLICK = 0.10;
  /** Twilio's codes for an unreachable handset, an unknown destination, a landline, carrier filtering. */
  private static final List<String> CARRIER_ERRORS = List.of("30003", "30005", "30006", "30007");

  private final DemoRun.Paths paths;
  private final java.util.Random random;
  private final String stamp;
  final Set<Long> hotLeads = new HashSet<>();
  int clicks;
  int previews;
  int replies;
  int optOuts;
  int orders;
  int meetings;
  int undelivered;
  private boolean meetingsAccepted = true;

  DemoBehaviour(DemoRun.Paths paths, java.util.Random random, String stamp) {
    this.paths = paths;
    this.random = random;
    this.stamp = stamp;
  }

  /**
   * Plays the carrier's delivery receipt of the person's first text, if there is one; false when it came back
   * undelivered (the person never saw it).
   */
  boolean receipt(Person person) {
    if (person.providerMessageId == null) {
      return true;
    }
    boolean delivered = random.nextDouble() < DELIVERED;
    paths.sandbox().playReceipt(person.providerMessageId, delivered,
        delivered ? null : CARRIER_ERRORS.get(random.nextInt(CARRIER_ERRORS.size())));
    undelivered += delivered ? 0 : 1;
    return delivered;
  }

  void play(Person person) {
    if (DemoRun.LEAD_EVENT.equals(person.eventType)) {
      playLead(person);
    } else {
      playWinBack(person);
    }
  }

  private void playWinBack(Person person) {
    if (person.text == null) {
      boolean heldOut = person.run != null && "HOLDOUT".equals(person.run.outcome());
      if (heldOut && random.nextDouble() < HOLDOUT_BUYS) {
        order(person);
      }
      return;
    }
    Optional<String> code = code(person.text);
    String variant = code.flatMap(this::variantSeenByPreview).orElse("control");
    Odds odds = ODDS.getOrDefault(variant, ODDS.get("control"));
    boolean clicked = code.isPresent() && random.nextDouble() < odds.click();
    if (clicked) {
      clicks += paths.links().open(code.get(), PHONE_BROWSER).kind() == ShortLinks.Visit.Kind.CLICK ? 1 : 0;
    }
    double draw = random.nextDouble();
    if (draw < odds.stop()) {
      reply(person, "STOP");
      optOuts++;
      return;
    }
    if (draw < odds.stop() + odds.yes()) {
      reply(person, "YES");
    }
    if (random.nextDouble() < (clicked ? odds.buyAfterClick() : odds.buyWithout())) {
      order(person);
    }
  }

  private void playLead(Person person) {
    if (person.text == null) {
      return;
    }
    Optional<String> booking = code(person.text);
    if (booking.isPresent() && random.nextDouble() < BOOKING_CLICK
        && paths.links().open(booking.get(), PHONE_BROWSER).kind() == ShortLinks.Visit.Kind.CLICK) {
      clicks++;
      hotLeads.add(person.contactId);
      return;
    }
    double draw = random.nextDouble();
    if (draw < 0.03) {
      reply(person, "STOP");
      optOuts++;
    } else if (draw < 0.48) {
      reply(person, "1");
      hotLeads.add(person.contactId);
      if (random.nextDouble() < 0.2) {
        meeting(person);
      }
    } else if (draw < 0.63) {
      reply(person, "2");
    }
  }

  /** The variant a link preview bot sees in the target's {@code utm_content}; the preview is recorded as one. */
  private Optional<String> variantSeenByPreview(String code) {
    ShortLinks.Visit visit = paths.links().open(code, PREVIEW_BOT);
    if (visit.target() == null) {
      return Optional.empty();
    }
    previews += visit.kind() == ShortLinks.Visit.Kind.PREVIEW ? 1 : 0;
    return Optional.ofNullable(UriComponentsBuilder.fromUriString(visit.target()).build().getQueryParams()
        .getFirst("utm_content"));
  }

  static Optional<String> code(String text) {
    Matcher matcher = SHORT_LINK.matcher(text);
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  private void reply(Person person, String body) {
    paths.sandbox().playReply(person.phone, body);
    replies++;
  }

  private void order(Person person) {
    BigDecimal value = BigDecimal.valueOf(20 + random.nextInt(16_000) / 100.0).setScale(2, RoundingMode.HALF_UP);
    String id = "demo-" + stamp + "-" + person.phone.substring(2);
    post(person, "order.completed", Map.of("orderId", id, "cartId", id, "value", value, "currency", "USD"));
    orders++;
  }

  private void meeting(Person person) {
    if (meetingsAccepted && post(person, "meeting.booked", Map.of("meetingId", "demo-" + stamp + "-"
        + person.phone.substring(2)))) {
      meetings++;
    }
  }

  /** Posts an event about the person; false (and no more meetings) where no journey takes the event type. */
  private boolean post(Person person, String type, Map<String, Object> attributes) {
    try {
      paths.events().accept(new TriggerEvent(person.eventId + "-" + type, type, paths.clock().instant(),
          new TriggerEvent.Contact(person.phone, "US", null, null, null, null, null, null, null), null, attributes));
      return true;
    } catch (InvalidInputException e) {
      if (!"type".equals(e.field())) {
        throw e;
      }
      LOG.info("Demo traffic: {} not taken here ({}); none posted", type, e.problem());
      meetingsAccepted = !"meeting.booked".equals(type) && meetingsAccepted;
      return false;
    }
  }

  /** Reps accept four in five of this run's hot leads once their tasks are there (waiting at most {@code wait}). */
  int acceptHotLeads(Duration wait) {
    Instant deadline = paths.clock().instant().plus(wait);
    Set<Long> pending = new HashSet<>(hotLeads);
    int accepted = 0;
    while (!pending.isEmpty() && paths.clock().instant().isBefore(deadline)) {
      List<LeadInbox.Task> open = paths.leads().inbox(null, Set.of("OPEN"), 0, 500);
      for (LeadInbox.Task task : open) {
        if (pending.remove(task.contactId()) && random.nextInt(5) < 4) {
          paths.leads().accept(task.id(), task.ownerId());
          accepted++;
        }
      }
      if (!pending.isEmpty()) {
        DemoRun.pause(1000);
      }
    }
    return accepted;
  }
}
