package io.waymark.demo;

import io.waymark.demo.DemoTraffic.Progress;
import io.waymark.platform.crm.LeadInbox;
import io.waymark.platform.journey.EventIntake;
import io.waymark.platform.journey.JourneyRuns;
import io.waymark.platform.journey.TriggerEvent;
import io.waymark.platform.link.ShortLinks;
import io.waymark.platform.messaging.SmsSandbox;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * One run of demo traffic: brings the contacts in ({@link #enter}), waits for the journeys to text them
 * ({@link #awaitMessages}), then plays each recipient's behaviour ({@link DemoBehaviour}) and the reps' acceptances.
 * Event ids carry the run's stamp, so a repeated call changes nothing; phone numbers are drawn per run. The odds are
 * drawn from {@code waymark.demo.traffic.seed}: the same seed plays the same story.
 */
final class DemoRun {

  static final String DISCLOSURE = "Yes, text me offers and updates from Acme. Msg & data rates may apply. "
      + "Msg frequency varies. Reply STOP to cancel, HELP for help.";
  static final String WIN_BACK_EVENT = "contact.inactive";
  static final String LEAD_EVENT = "lead.created";

  /** The facades a run goes through: the same paths as the REST API, the provider webhooks and the inbox. */
  record Paths(EventIntake events, JourneyRuns runs, SmsSandbox sandbox, ShortLinks links, LeadInbox leads,
      Clock clock) {
  }

  /** One demo recipient and what became of them. */
  static final class Person {
    final String phone;
    final String eventType;
    final String eventId;
    Long contactId;
    JourneyRuns.Run run;
    String text;
    String providerMessageId;
    boolean settled;

    Person(String phone, String eventType, String eventId) {
      this.phone = phone;
      this.eventType = eventType;
      this.eventId = eventId;
    }
  }

  /** What a run did, for the log and the dashboard's notification. */
  record Summary(int contacts, int texted, int undelivered, int clicks, int previews, int replies, int optOuts,
      int hotLeads, int accepted, int orders, int meetings) {

    @Override
    public String toString() {
      return contacts + " contacts, " + texted + " texted (" + undelivered + " undelivered), " + clicks + " clicks (" + previews + " previews), "
          + replies + " replies (" + optOuts + " STOP), " + hotLeads + " hot leads (" + accepted + " accepted), "
          + orders + " orders, " + meetings + " meetings";
    }
  }

  private final Paths paths;
  private final DemoTrafficProperties properties;
  private final int contacts;
  private final Consumer<Progress> progress;
  private final String stamp;
  private final Random numbers;
  private final Random behaviour;

  DemoRun(Paths paths, DemoTrafficProperties properties, int contacts, Consumer<Progress> progress) {
    this.paths = paths;
    this.properties = properties;
    this.contacts = contacts;
    this.progress = progress;
    Instant now = paths.clock().instant();
    this.stamp = Long.toString(now.toEpochMilli(), 36);
    this.numbers = new Random(properties.seed() ^ now.toEpochMilli());
    this.behaviour = new Random(properties.seed());
  }

  Summary play() {
    List<Person> people = enter();
    awaitMessages(people);
    DemoBehaviour acts = new DemoBehaviour(paths, behaviour, stamp);
    int done = 0;
    for (Person person : people) {
      if (!acts.receipt(person)) {
        report("Replies, clicks and purchases", ++done, people.size());
        continue; // undelivered: nothing to read, click or answer
      }
      acts.play(person);
      report("Replies, clicks and purchases", ++done, people.size());
    }
    report("Reps accepting hot leads", 0, 1);
    int accepted = acts.acceptHotLeads(properties.waitForMessages().dividedBy(3));
    int texted = (int) people.stream().filter(p -> p.text != null).count();
    return new Summary(people.size(), texted, acts.undelivered, acts.clicks, acts.previews, acts.replies,
        acts.optOuts, acts.hotLeads.size(), accepted, acts.orders, acts.meetings);
  }

  /** Posts one trigger event per contact: four in five win-back (its experiment), one in five a new lead. */
  List<Person> enter() {
    String zone = DemoPeople.daytimeZone(paths.clock().instant());
    List<Person> people = new ArrayList<>();
    for (int i = 0; i < contacts; i++) {
      boolean lead = behaviour.nextInt(5) == 0;
      String type = lead ? LEAD_EVENT : WIN_BACK_EVENT;
      Person person = new Person(DemoPeople.phone(numbers), type, "demo-" + stamp + "-" + i + "-" + type);
      Map<String, Object> attributes = lead ? Map.of("source", "demo-web-form")
          : Map.of("offer", Map.of("code", "COMEBACK20", "discount", "20% off"),
              "link", Map.of("url", "https://shop.example/welcome-back"));
      TriggerEvent.Contact contact = new TriggerEvent.Contact(person.phone, "US", DemoPeople.firstName(behaviour),
          DemoPeople.lastName(behaviour), null, "en-US", null, zone, Map.of("demo", stamp));
      TriggerEvent.Consent consent = new TriggerEvent.Consent(List.of("promotions"), "web-form", DISCLOSURE, null);
      EventIntake.Accepted accepted = paths.events().accept(new TriggerEvent(person.eventId, type,
          paths.clock().instant(), contact, consent, attributes));
      person.run = accepted.run();
      person.contactId = accepted.run() == null ? null : accepted.run().contactId();
      people.add(person);
      report("Contacts entering journeys", i + 1, contacts);
    }
    return people;
  }

  /**
   * Waits until every contact has its first text in the sandbox or its run has ended without one (the holdout, a
   * suppression), at most {@code waymark.demo.traffic.wait-for-messages}.
   */
  void awaitMessages(List<Person> people) {
    Instant deadline = paths.clock().instant().plus(properties.waitForMessages());
    int settled = 0;
    while (settled < people.size() && paths.clock().instant().isBefore(deadline)) {
      for (Person person : people) {
        if (person.settled) {
          continue;
        }
        paths.sandbox().recorded(person.phone, 0, 5).stream().filter(m -> "OUT".equals(m.direction()))
            .reduce((newer, older) -> older).ifPresent(first -> {
              person.text = first.body();
              person.providerMessageId = first.providerMessageId();
            });
        if (person.run != null) {
          person.run = paths.runs().find(person.run.id()).orElse(person.run);
        }
        boolean ended = person.run == null || "ENDED".equals(person.run.status())
            || "SKIPPED".equals(person.run.status());
        person.settled = person.text != null || ended;
        settled += person.settled ? 1 : 0;
      }
      report("Waiting for the journeys' texts", settled, people.size());
      if (settled < people.size()) {
        pause(1000);
      }
    }
  }

  private void report(String step, int done, int total) {
    progress.accept(new Progress(Progress.State.RUNNING, step, done, total, ""));
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("demo traffic interrupted", e);
    }
  }
}
