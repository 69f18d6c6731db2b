package io.waymark.platform.crm;

import static io.waymark.platform.crm.CrmFixtures.manager;
import static io.waymark.platform.crm.CrmFixtures.rep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.waymark.platform.contact.ContactView;
import io.waymark.platform.support.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Owner routing: rules in order, fall-through, round robin, availability and hours, and validation at configuration. */
@CrmTest
class RoutingTests {

  @Autowired CrmFixtures fixtures;
  @Autowired Routing routing;
  @Autowired LeadInbox inbox;
  @Autowired MockMvc mvc;

  private LeadInbox.Created lead(ContactView contact, List<String> tags, String productLine) {
    return inbox.create(new LeadInbox.NewLead(CrmFixtures.source(), contact.id().value(), null, null,
        new LeadInbox.Signal("REPLY", "1", null, null), tags, productLine, null));
  }

  private String routedBy(LeadInbox.Created created) {
    return inbox.find(created.taskId()).orElseThrow().task().routedBy();
  }

  @Test
  void theAccountOwnerComesFirstWhenAvailable() {
    fixtures.use(fixtures.standard(true, null));
    LeadInbox.Created created = lead(fixtures.contact("London", "en-GB", "carol"), List.of(), null);

    assertThat(created.ownerId()).isEqualTo("carol");
    assertThat(routedBy(created)).isEqualTo("account owner");
  }

  @Test
  void anOwnerWhoIsAwayFallsThroughToTheNextRuleAndTheTaskSaysWhy() {
    fixtures.use(fixtures.standard(false, fixtures.closedNow()));
    LeadInbox.Created created = lead(fixtures.contact("London", "en-GB", "carol"), List.of(), null);

    assertThat(created.ownerId()).isEqualTo("alice");
    assertThat(routedBy(created)).startsWith("uk (passed over: account owner: account owner carol is not available;")
        .contains("vip: tags [Hot Lead] lack VIP");
  }

  @Test
  void rulesByTagAndProductLineRouteToTheirTeam() {
    fixtures.use(fixtures.standard(true, null));
    assertThat(lead(fixtures.contact(null, null, null), List.of("Hot Lead", "VIP"), null).ownerId())
        .isEqualTo("dave");
    assertThat(lead(fixtures.contact(null, null, null), List.of(), "Enterprise").ownerId()).isEqualTo("dave");
  }

  @Test
  void roundRobinTakesTheLeastRecentlyAssignedAvailableRepWhoIsAtWork() {
    fixtures.use(team(false, fixtures.closedNow())); // rr-bob flagged away, rr-carol off work
    List<String> owners = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      owners.add(lead(fixtures.contact(null, null, null), List.of(), null).ownerId());
    }
    assertThat(owners).containsExactly("rr-alice", "rr-alice", "rr-alice");

    fixtures.use(team(true, fixtures.openNow()));
    owners.clear();
    for (int i = 0; i < 6; i++) {
      owners.add(lead(fixtures.contact(null, null, null), List.of(), null).ownerId());
    }
    // rr-alice had leads most recently, and keeps that mark across the replacement: the others first, then in turn
    assertThat(owners).containsExactly("rr-bob", "rr-carol", "rr-alice", "rr-bob", "rr-carol", "rr-alice");

    routing.setAvailability("rr-bob", false);
    assertThat(lead(fixtures.contact(null, null, null), List.of(), null).ownerId()).isEqualTo("rr-carol");
  }

  @Test
  void leadsArrivingTogetherAreSharedEvenlyOneAtATime() throws Exception {
    fixtures.use(new RoutingDocument(List.of(new RoutingDocument.Team("par", "Parallel", "maria", "maria")),
        List.of(rep("par-a", "par", null, true), rep("par-b", "par", null, true), rep("par-c", "par", null, true)),
        List.of(manager("maria")), List.of(), "par"));
    List<ContactView> contacts = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      contacts.add(fixtures.contact(null, null, null));
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    List<java.util.concurrent.Future<String>> owners = new ArrayList<>();
    for (ContactView contact : contacts) {
      owners.add(pool.submit(() -> lead(contact, List.of(), null).ownerId()));
    }
    java.util.Map<String, Integer> perRep = new java.util.TreeMap<>();
    for (java.util.concurrent.Future<String> owner : owners) {
      perRep.merge(owner.get(), 1, Integer::sum);
    }
    pool.shutdown();

    assertThat(perRep).isEqualTo(java.util.Map.of("par-a", 8, "par-b", 8, "par-c", 8));
  }

  /** One team of three reps that no other test routes to. */
  private static RoutingDocument team(boolean bobAvailable, String carolHours) {
    return new RoutingDocument(List.of(new RoutingDocument.Team("rr", "Round robin", "maria", "maria")),
        List.of(rep("rr-alice", "rr", null, true), rep("rr-bob", "rr", null, bobAvailable),
            rep("rr-carol", "rr", carolHours, true)),
        List.of(manager("maria")), List.of(), "rr");
  }

  @Test
  void nobodyAvailableMeansTheManagerOfTheTeamTheRulesMatched() {
    RoutingDocument nobody = new RoutingDocument(
        List.of(new RoutingDocument.Team("uk", "UK sales", "maria", "tom")),
        List.of(rep("alice", "uk", null, false), rep("bob", "uk", fixtures.closedNow(), true)),
        List.of(manager("maria"), manager("tom")),
        List.of(new RoutingDocument.Rule("uk", "TEAM", "uk", "GB", null, null, null)), "uk");
    fixtures.use(nobody);

    LeadInbox.Created created = lead(fixtures.contact(null, null, null), List.of(), null);

    assertThat(created.ownerId()).isEqualTo("maria");
    assertThat(routedBy(created)).startsWith("last resort: manager of uk (passed over: uk: nobody available in team uk");
  }

  @Test
  void refusesAnUnknownOwnerATeamWithoutRepsAndMalformedRulesAllAtOnce() {
    fixtures.use(fixtures.standard(true, null));
    RoutingDocument bad = new RoutingDocument(
        List.of(new RoutingDocument.Team("uk", "UK sales", "maria", "nobody"),
            new RoutingDocument.Team("empty", "Empty", "maria", "maria")),
        List.of(rep("alice", "uk", "MON-FRI 9-5", true), rep("bob", "mars", null, true)),
        List.of(manager("maria")),
        List.of(new RoutingDocument.Rule("r1", "ROUND_ROBIN", "uk", null, null, null, null),
            new RoutingDocument.Rule("r2", "TEAM", "ghosts", null, null, "english", "Hot"),
            new RoutingDocument.Rule("r3", "ACCOUNT_OWNER", "uk", null, null, null, null)),
        "nowhere");

    assertThatThrownBy(() -> routing.replace(bad, "test")).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.problems()).extracting(p -> p.field() + " " + p.message()).contains(
            "teams[0].teamLead unknown owner 'nobody': list them under reps or managers",
            "teams[1] team 'empty' has no reps: add reps with \"team\": \"empty\"",
            "reps[0].workingHours cannot read 'MON-FRI 9-5': write e.g. MON-FRI 09:00-17:30",
            "reps[1].team names no team: 'mars'",
            "rules[0].kind must be ACCOUNT_OWNER or TEAM, not ROUND_ROBIN",
            "rules[1].team names no team: 'ghosts'",
            "rules[1].language is not an ISO 639 language code (e.g. en, de): english",
            "rules[1].tag is not a lead tag: Hot (tags: Hot Lead, VIP, Support, Billing)",
            "rules[2].team an ACCOUNT_OWNER rule routes to the contact's owner and names no team",
            "fallbackTeam names no team: 'nowhere'"));
    // nothing of it was stored
    assertThat(routing.current().orElseThrow()).isEqualTo(fixtures.standard(true, null));
  }

  @Test
  void theApiNamesEveryProblemAndStoresAValidDocument() throws Exception {
    mvc.perform(put("/api/v1/crm/routing").param("by", "ops").contentType(MediaType.APPLICATION_JSON).content("""
        {"teams": [{"id": "uk", "name": "UK", "manager": "maria", "teamLead": "maria"}],
         "reps": [], "managers": [{"id": "maria", "name": "Maria", "email": "maria"}], "rules": [],
         "fallbackTeam": "uk"}"""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[?(@.field == 'teams[0]')].message").value("team 'uk' has no reps: add reps "
            + "with \"team\": \"uk\""))
        .andExpect(jsonPath("$.errors[?(@.field == 'managers[0].email')].message")
            .value("is not an email address: maria"));

    mvc.perform(put("/api/v1/crm/routing").param("by", "ops").contentType(MediaType.APPLICATION_JSON).content("""
        {"teams": [{"id": "uk", "name": "UK", "manager": "maria", "teamLead": "maria"}],
         "reps": [{"id": "alice", "name": "Alice", "email": "alice@acme.example", "team": "uk",
                   "timeZone": "Europe/London", "workingHours": "MON-FRI 09:00-17:30"}],
         "managers": [{"id": "maria", "name": "Maria", "email": "maria@acme.example"}], "rules": [],
         "fallbackTeam": "uk"}"""))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.reps[0].available").value(true))
        .andExpect(jsonPath("$.reps[0].workingHours").value("MON-FRI 09:00-17:30"));

    mvc.perform(put("/api/v1/crm/reps/{id}/availability", "nobody").contentType(MediaType.APPLICATION_JSON)
        .content("{\"available\": false}")).andExpect(status().isNotFound());
  }
}
