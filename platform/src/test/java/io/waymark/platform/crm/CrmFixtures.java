package io.waymark.platform.crm;

import io.waymark.platform.contact.ContactDetails;
import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactView;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.test.context.TestComponent;

/** Contacts and routing documents for the crm tests. */
@TestComponent
class CrmFixtures {

  private static final AtomicLong NUMBERS = new AtomicLong(5_550_100);
  private static final AtomicLong SOURCES = new AtomicLong();

  private final ContactDirectory contacts;
  private final Routing routing;
  private final Clock clock;

  CrmFixtures(ContactDirectory contacts, Routing routing, Clock clock) {
    this.contacts = contacts;
    this.routing = routing;
    this.clock = clock;
  }

  /** A new UK contact (a fresh +44 20 7946 number) with the given region, locale and owner. */
  ContactView contact(String region, String locale, String owner) {
    String phone = "+44207946" + String.format("%04d", NUMBERS.incrementAndGet() % 10_000);
    return contacts.upsert(new ContactDetails(phone, null, "Jane", "Doe", "jane@example.com", locale, region, null,
        null, owner, null, Map.of()));
  }

  static String source() {
    return "test:" + SOURCES.incrementAndGet() + ":" + System.nanoTime();
  }

  /** Working hours that include the test clock's present (open for the next few hours), in UTC. */
  String openNow() {
    int hour = clock.instant().atZone(ZoneOffset.UTC).getHour();
    return "MON-SUN " + String.format("%02d:00-%02d:59", Math.max(0, hour - 1), Math.min(23, hour + 4));
  }

  /** Working hours that exclude the test clock's present. */
  String closedNow() {
    int hour = clock.instant().atZone(ZoneOffset.UTC).getHour();
    int start = Math.min(22, (hour + 6) % 24);
    return "MON-SUN " + String.format("%02d:00-%02d:00", start, start + 1);
  }

  static RoutingDocument.Person rep(String id, String team, String hours, boolean available) {
    return new RoutingDocument.Person(id, id.substring(0, 1).toUpperCase() + id.substring(1), id + "@acme.example",
        team, hours == null ? null : "UTC", hours, available, "hs-" + id, "sf-" + id);
  }

  static RoutingDocument.Person manager(String id) {
    return new RoutingDocument.Person(id, id, id + "@acme.example", null, null, null, true, null, null);
  }

  /**
   * Two teams: uk (reps alice, bob, carol; manager maria, team lead tom) for region GB and enterprise (dave, VIP
   * tasks and product line enterprise); the account owner first.
   */
  RoutingDocument standard(boolean bobAvailable, String carolHours) {
    return new RoutingDocument(
        List.of(new RoutingDocument.Team("uk", "UK sales", "maria", "tom"),
            new RoutingDocument.Team("enterprise", "Enterprise", "erin", "tom")),
        List.of(rep("alice", "uk", null, true), rep("bob", "uk", null, bobAvailable), rep("carol", "uk", carolHours,
            true), rep("dave", "enterprise", null, true)),
        List.of(manager("maria"), manager("tom"), manager("erin")),
        List.of(new RoutingDocument.Rule("account owner", "ACCOUNT_OWNER", null, null, null, null, null),
            new RoutingDocument.Rule("vip", "TEAM", "enterprise", null, null, null, "VIP"),
            new RoutingDocument.Rule("enterprise line", "TEAM", "enterprise", null, "enterprise", null, null),
            new RoutingDocument.Rule("uk", "TEAM", "uk", "GB", null, null, null)),
        "uk");
  }

  void use(RoutingDocument document) {
    routing.replace(document, "test");
  }
}
