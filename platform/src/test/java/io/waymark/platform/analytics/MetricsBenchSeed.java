package io.waymark.platform.analytics;

import static io.waymark.platform.analytics.BenchRows.at;

import io.waymark.platform.template.SmsEncoding;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A program of realistic size in the real ledgers (see {@link MetricsBench}): {@code messages} SMS over the days from
 * {@code start} to {@code end} across six journeys (two running an experiment with a 10% holdout, the reminder journey
 * holding out 10% by its outcome), campaigns outside journeys, 20 templates and three routes, for 0.3 contacts per
 * message. Receipts, replies, opt-outs, clicks and link previews, attributed and organic conversions, lead tasks and
 * hot-lead sub-journeys follow from each message by fixed odds (a seeded random, so every run writes the same rows).
 * Messages whose time falls after {@code end} are not sent yet and not written.
 */
final class MetricsBenchSeed {

  private static final long MINUTE = 60;
  private static final long HOUR = 3_600;
  private static final long DAY = 86_400;
  private static final String BODY = " Reply STOP to opt out.";

  private record Step(String template, long offset, double odds, boolean link) {
  }

  private record Journey(String id, String event, int weight, String experiment, VariantSpec variants,
      String conversion, int meanAmount, List<Step> steps) {
  }

  private static final Journey CART = new Journey("cart-recovery", "cart.abandoned", 30, "cart-nudge-timing",
      VariantSpec.parse("early:45, late:45, holdout:10"), "order.completed", 85, List.of(
          new Step("cart.nudge", HOUR, 1, true), new Step("cart.reminder", DAY, 0.6, true),
          new Step("cart.last-chance", 3 * DAY, 0.35, true)));
  private static final Journey WIN_BACK = new Journey("win-back", "customer.lapsed", 15, "win-back-offer",
      VariantSpec.parse("control:45, discount:45, holdout:10"), "order.completed", 60, List.of(
          new Step("win-back.first", 0, 1, true), new Step("win-back.second", 7 * DAY, 0.5, true)));
  private static final Journey LEADS = new Journey("lead-follow-up", "lead.created", 15, null, null, "meeting.booked", 0,
      List.of(new Step("lead.first", MINUTE, 1, false), new Step("lead.question", HOUR, 0.8, true),
          new Step("lead.nudge", 2 * DAY, 0.4, false)));
  private static final Journey REMINDERS = new Journey("appointment-reminder", "appointment.booked", 10, null, null,
      null, 0, List.of(new Step("reminder.confirm", 0, 1, false), new Step("reminder.day-before", 2 * DAY, 1, false),
          new Step("reminder.hour-before", 3 * DAY - HOUR, 0.95, false)));
  private static final Journey WELCOME = new Journey("welcome", "contact.created", 15, null, null, "order.completed", 40,
      List.of(new Step("welcome.hello", 0, 1, false), new Step("welcome.tips", DAY, 0.7, true)));
  private static final Journey REVIEWS = new Journey("review-request", "order.delivered", 15, null, null, null, 0, List.of(
      new Step("review.ask", 2 * HOUR, 1, true), new Step("review.reminder", 3 * DAY, 0.4, true)));
  private static final List<Journey> JOURNEYS = List.of(CART, WIN_BACK, LEADS, REMINDERS, WELCOME, REVIEWS);
  private static final List<String> CAMPAIGNS = List.of("promo.flash-sale", "promo.weekend", "promo.new-arrivals");

  private final SplittableRandom random = new SplittableRandom(8);
  private final int wanted;
  private final int contacts;
  private final long start;
  private final long end;
  private final boolean[][] assigned;
  private final Map<String, Integer> segments = new LinkedHashMap<>();
  private final Map<String, Long> written = new LinkedHashMap<>();
  private BenchRows contactRows, consents, runs, subs, entries, assignments, messages, inbound, clicks, conversions,
      tasks;
  private long messageId, runId, inboundId, consentId, clickId, conversionId, taskId, assignmentId;
  private long counted;

  MetricsBenchSeed(int messages, long start, long end) {
    this.wanted = messages;
    this.contacts = Math.max(1_000, messages / 10 * 3);
    this.start = start;
    this.end = end;
    this.assigned = new boolean[2][contacts + 1];
  }

  /** Messages sent to a provider (every status the metrics count), all within the period seeded. */
  long counted() {
    return counted;
  }

  /** Rows written per table. */
  Map<String, Long> written() {
    return written;
  }

  void write(Connection c) throws SQLException {
    try (BenchRows contactRows = new BenchRows(c, "contact (id, phone, first_name, region, attributes, created_at,"
            + " updated_at)");
        BenchRows consents = new BenchRows(c, "consent_record (id, contact_id, phone, kind, topic, channel,"
            + " occurred_at, recorded_at)");
        BenchRows runs = new BenchRows(c, "journey_run (id, event_id, event_type, process_id, contact_id, status,"
            + " variables, process_instance_key, outcome, requested_at, started_at, ended_at)");
        BenchRows subs = new BenchRows(c, "journey_sub_instance (process_instance_key, journey_run_id, process_id,"
            + " linked_at)");
        BenchRows entries = new BenchRows(c, "experiment_entry (journey_run_id, experiment_id, contact_id, variant,"
            + " process_id, entered_at)");
        BenchRows assignments = new BenchRows(c, "experiment_assignment (id, experiment_id, contact_id, variant,"
            + " process_id, journey_run_id, assigned_at)");
        BenchRows messages = new BenchRows(c, "outbound_message (id, idempotency_key, contact_id, phone, body, topic,"
            + " message_class, status, provider, provider_message_id, process_instance_key, created_at, sent_at,"
            + " receipt_at, template_key, segments, error_code, failure_reason)");
        BenchRows inbound = new BenchRows(c, "inbound_message (id, provider, provider_message_id, from_phone, body,"
            + " contact_id, received_at, reply_class)");
        BenchRows clicks = new BenchRows(c, "link_click (id, link_id, code, contact_id, process_instance_key,"
            + " message_key, kind, user_agent, clicked_at)");
        BenchRows conversions = new BenchRows(c, "conversion (id, event_id, event_type, contact_id, amount,"
            + " currency, occurred_at, recorded_at, attribution_rule, outbound_message_id, process_id, journey_run_id,"
            + " process_instance_key, template_key, variant)");
        BenchRows tasks = new BenchRows(c, "crm_lead_task (id, source_key, contact_id, journey_run_id, signal_type,"
            + " tags, priority, owner_id, routed_by, status, sla, due_at, created_at, accepted_at, time_to_accept_ms,"
            + " crm_sync)")) {
      this.contactRows = contactRows;
      this.consents = consents;
      this.runs = runs;
      this.subs = subs;
      this.entries = entries;
      this.assignments = assignments;
      this.messages = messages;
      this.inbound = inbound;
      this.clicks = clicks;
      this.conversions = conversions;
      this.tasks = tasks;
      writeContacts();
      writeExperiments(c);
      int weights = JOURNEYS.stream().mapToInt(Journey::weight).sum();
      while (counted < wanted) {
        long t = Math.min(end - MINUTE, start + (end - start) * counted / wanted + random.nextLong(HOUR));
        long contact = 1 + random.nextLong(contacts);
        if (random.nextDouble() < 0.2) {
          String template = CAMPAIGNS.get(random.nextInt(CAMPAIGNS.size()));
          message(contact, null, null, null, null, template, t, true, "order.completed", 70);
          continue;
        }
        int pick = random.nextInt(weights);
        Journey journey = JOURNEYS.getFirst();
        for (Journey j : JOURNEYS) {
          journey = j;
          if ((pick -= j.weight()) < 0) {
            break;
          }
        }
        run(journey, contact, t);
      }
    }
    written.put("contact", contactRows.written());
    written.put("consent_record", consents.written());
    written.put("journey_run", runs.written());
    written.put("journey_sub_instance", subs.written());
    written.put("experiment_entry", entries.written());
    written.put("experiment_assignment", assignments.written());
    written.put("outbound_message", messages.written());
    written.put("inbound_message", inbound.written());
    written.put("link_click", clicks.written());
    written.put("conversion", conversions.written());
    written.put("crm_lead_task", tasks.written());
  }

  private void writeContacts() throws SQLException {
    long created = start - 200 * DAY;
    for (long contact = 1; contact <= contacts; contact++) {
      contactRows.add(contact, phone(contact), "Contact" + contact, "US-" + (contact % 7 == 0 ? "NY" : "CA"),
          "{\"plan\":\"" + (contact % 3 == 0 ? "pro" : "basic") + "\"}", at(created), at(created));
      consents.add(++consentId, contact, phone(contact), "OPT_IN", "promotions", "web-form", at(created),
          at(created));
    }
  }

  private void writeExperiments(Connection c) throws SQLException {
    try (BenchRows experiments = new BenchRows(c, "experiment (id, process_id, variants, active, created_at,"
        + " updated_at)")) {
      for (Journey j : List.of(CART, WIN_BACK)) {
        experiments.add(j.experiment(), j.id(), j.variants().toString(), true, at(start - DAY), at(start - DAY));
      }
    }
  }

  /** A journey run entering at {@code t}: its experiment entry, its steps' messages, and what followed. */
  private void run(Journey journey, long contact, long t) throws SQLException {
    long run = ++runId;
    long instance = 2_251_799_813_685_248L + run * 2;
    String variant = null;
    if (journey.experiment() != null) {
      int e = journey == CART ? 0 : 1;
      variant = journey.variants().pick(Assignments.bucket(journey.experiment(), contact));
      if (!assigned[e][(int) contact]) {
        assigned[e][(int) contact] = true;
        assignments.add(++assignmentId, journey.experiment(), contact, variant, journey.id(), run, at(t));
      }
      entries.add(run, journey.experiment(), contact, variant, journey.id(), at(t));
      if (random.nextDouble() < 0.02) {
        conversion(contact, "order.completed", amount(journey.meanAmount()), t + random.nextLong(20 * DAY),
            null, null, null, null, null, null);
      }
    }
    boolean held = VariantSpec.HOLDOUT.equals(variant) || journey == REMINDERS && random.nextDouble() < 0.1;
    boolean running = t > end - 4 * DAY;
    runs.add(run, "bench-run-" + run, journey.event(), journey.id(), contact, running ? "RUNNING" : "ENDED", "{}",
        instance, held ? "HOLDOUT" : null, at(t), at(t), running ? null : at(t + 4 * DAY));
    long reply = -1;
    long last = -1;
    if (!held) {
      for (Step step : journey.steps()) {
        if (random.nextDouble() >= step.odds()) {
          break;
        }
        long offset = step.offset() + ("late".equals(variant) ? 3 * HOUR : 0);
        String template = "discount".equals(variant) && step.template().equals("win-back.first")
            ? "win-back.discount" : step.template();
        long[] sent = message(contact, instance, journey.id(), run, variant, template, t + offset, step.link(),
            journey.conversion(), journey.meanAmount());
        if (sent != null) {
          last = sent[0];
          reply = reply < 0 ? sent[1] : reply;
        }
      }
    }
    if (journey == REMINDERS && t + 3 * DAY <= end && random.nextDouble() < (held ? 0.78 : 0.88)) {
      conversion(contact, "appointment.attended", null, t + 3 * DAY, last < 0 ? null : last,
          last < 0 ? null : journey.id(), last < 0 ? null : run, last < 0 ? null : instance, null, null);
    }
    if (journey == LEADS && reply > 0 && random.nextDouble() < 0.5) {
      lead(contact, run, instance, reply);
    }
  }

  /** A hot reply handed to sales: the lead task, the hand-off sub-journey and its text to the lead. */
  private void lead(long contact, long run, long instance, long reply) throws SQLException {
    long created = reply + 5;
    Long accept = random.nextDouble() < 0.85
        ? (long) (Math.exp(Math.log(240_000) + random.nextDouble(-1, 1) * 1.6)) : null;
    boolean accepted = accept != null && created + accept / 1000 <= end;
    tasks.add(++taskId, "bench:" + taskId, contact, run, "REPLY", "hot", "HIGH", "rep-" + (taskId % 12),
        "round-robin", accepted ? "ACCEPTED" : "OPEN", "PT15M", at(created + 15 * MINUTE), at(created),
        accepted ? at(created + accept / 1000) : null, accepted ? accept : null, "NONE");
    subs.add(instance + 1, run, "hot-lead-handoff", at(created));
    message(contact, instance + 1, LEADS.id(), run, null, "lead.handoff", created + MINUTE, false, null, 0);
  }

  /**
   * One SMS at {@code at} (none after the end) with its receipt and what the contact did about it; its id and the
   * time of the contact's reply to it (-1: none), or null when it was not written.
   */
  private long[] message(long contact, Long instance, String journey, Long run, String variant, String template,
      long at, boolean link, String conversion, int meanAmount) throws SQLException {
    if (at > end) {
      return null;
    }
    long id = ++messageId;
    String key = "bench:" + id;
    String provider = pick(0.6, "twilio", 0.9, "bandwidth", "sandbox");
    String status = "DELIVERED";
    String error = null;
    String reason = null;
    Long sent = at;
    double r = random.nextDouble();
    if (r < 0.005) {
      status = "SUPPRESSED";
      provider = null;
      sent = null;
      reason = "suppressed";
    } else if (r < 0.010) {
      status = "FAILED";
      sent = null;
      reason = "provider refused: invalid 'To' phone number";
    } else if (r < 0.020) {
      status = "FAILED";
      error = pick(0.7, "30008", 1, "21610", null);
    } else if (r < 0.055) {
      status = "UNDELIVERED";
      error = pick(0.4, "30003", 0.6, "30005", pick(0.6, "30007", 1, "30006", null));
    } else if (r < 0.065) {
      status = "SENT";
    } else if (r < 0.070) {
      status = "UNKNOWN";
    }
    String body = body(template, link);
    Integer parts = random.nextDouble() < 0.02 ? null
        : segments.computeIfAbsent(body, b -> SmsEncoding.analyze(b).segments());
    Long receipt = sent == null || status.equals("SENT") ? null : sent + 3 + random.nextLong(60);
    messages.add(id, key, contact, phone(contact), body, "promotions", "promotional", status, provider,
        sent == null ? null : "SM" + id, instance, at(at), sent == null ? null : at(sent),
        receipt == null ? null : at(receipt), template, parts, error, reason);
    if (!status.equals("SUPPRESSED")) {
      counted++;
    }
    long reply = -1;
    if (status.equals("DELIVERED") || status.equals("SENT") || status.equals("UNKNOWN")) {
      if (random.nextDouble() < 0.0106) {
        long stop = at + random.nextLong(2 * HOUR);
        reply(contact, stop, "STOP", "OPT_OUT");
        consents.add(++consentId, contact, phone(contact), "OPT_OUT", "*", "sms", at(stop), at(stop));
      } else if (random.nextDouble() < 0.075) {
        reply = at + (long) (-Math.log(1 - random.nextDouble()) * 30 * MINUTE);
        reply(contact, reply, "Yes, tell me more", pick(0.5, "OTHER", 0.8, "HOT", "NOT_NOW"));
      }
      if (link) {
        if (random.nextDouble() < 0.4) {
          clicks.add(++clickId, id, "c" + id, contact, instance, key, "PREVIEW", "WhatsApp/2.24", at(at + 2));
        }
        if (random.nextDouble() < 0.22) {
          long click = at + (long) (-Math.log(1 - random.nextDouble()) * 20 * MINUTE);
          int times = random.nextDouble() < 0.1 ? 2 : 1;
          for (int i = 0; i < times && click <= end; i++, click += 90) {
            clicks.add(++clickId, id, "c" + id, contact, instance, key, "CLICK", "Mozilla/5.0 (iPhone)", at(click));
          }
        }
      }
      if (conversion != null && random.nextDouble() < 0.045) {
        conversion(contact, conversion, amount(meanAmount), at + (long) (random.nextDouble() * random.nextDouble()
            * 7 * DAY), id, journey, run, instance, template, variant);
      }
    }
    return new long[] {id, reply};
  }

  private void reply(long contact, long at, String body, String replyClass) throws SQLException {
    if (at <= end) {
      inbound.add(++inboundId, "twilio", "SMin" + inboundId, phone(contact), body, contact, at(at), replyClass);
    }
  }

  private void conversion(long contact, String type, BigDecimal amount, long at, Long message, String journey,
      Long run, Long instance, String template, String variant) throws SQLException {
    if (at <= end) {
      conversions.add(++conversionId, "bench-conversion-" + conversionId, type, contact, amount,
          amount == null ? null : "USD", at(at), at(at), message == null ? "none" : "last-touch:P7D", message,
          journey, run, instance, template, variant);
    }
  }

  private BigDecimal amount(int mean) {
    return mean == 0 ? null : BigDecimal.valueOf(15 + -Math.log(1 - random.nextDouble()) * mean)
        .setScale(2, RoundingMode.HALF_UP);
  }

  private String pick(double first, String a, double second, String b, String c) {
    double r = random.nextDouble();
    return r < first ? a : r < second || c == null ? b : c;
  }

  private static String body(String template, boolean link) {
    String text = switch (template.substring(0, template.indexOf('.'))) {
      case "cart" -> "Acme: you left something in your cart. It is saved for you for 3 more days.";
      case "win-back" -> "Acme: we miss you! Here is what is new this season, picked for you.";
      case "lead" -> "Hi, this is Dana from Acme. Thanks for your interest: when is a good time for a quick call?";
      case "reminder" -> "Reminder: your appointment at Acme Clinic, 221 Main St. Reply C to confirm or R to"
          + " reschedule. We look forward to seeing you.";
      case "welcome" -> "Welcome to Acme texts! Expect up to 4 msgs/month with deals and news.";
      case "review" -> "How was your order? Tell us in 30 seconds.";
      default -> "Acme: 20% off everything this weekend only, in store and online.";
    };
    return text + (link ? " https://acme.example/l/Xy7Kq2Lm" : "") + BODY;
  }

  private static String phone(long contact) {
    return "+1" + (2_000_000_000L + contact);
  }
}
