package io.waymark.platform.crm;

import io.waymark.platform.support.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Owner routing of hot leads: the stored routing document (replaced as a whole, validated first), availability, and
 * the choice of an owner for a lead or an escalation. Every choice names the rule that made it and why the rules
 * before it did not.
 */
@Service
public class Routing {

  private final CrmTeamRepository teams;
  private final CrmPersonRepository people;
  private final CrmRuleRepository rules;
  private final CrmRoutingHeadRepository heads;
  private final CrmProperties properties;
  private final Clock clock;

  Routing(CrmTeamRepository teams, CrmPersonRepository people, CrmRuleRepository rules,
      CrmRoutingHeadRepository heads, CrmProperties properties, Clock clock) {
    this.teams = teams;
    this.people = people;
    this.rules = rules;
    this.heads = heads;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Validates {@code document} (every problem named, under its field path) and replaces the stored routing with it.
   * People who stay keep their place in the round robin.
   */
  @Transactional
  public RoutingDocument replace(RoutingDocument document, String by) {
    if (by == null || by.isBlank()) {
      throw new InvalidInputException("by", "is missing: who changes the routing");
    }
    RoutingValidation.check(document, properties.tagNames());
    Map<String, Object[]> lastAssigned = new HashMap<>();
    people.lastAssignments().forEach(row -> lastAssigned.put((String) row[0], row));
    Map<String, Long> counts = new HashMap<>();
    teams.assignmentCounts().forEach(row -> counts.put((String) row[0], (Long) row[1]));
    rules.deleteAllInBatch();
    people.deleteAllInBatch();
    teams.deleteAllInBatch();
    List<RoutingDocument.Team> teamList = document.teams();
    for (int i = 0; i < teamList.size(); i++) {
      RoutingDocument.Team team = teamList.get(i);
      // a team that stays keeps its count; a new one starts above every rep's mark (reps may change teams)
      long start = counts.getOrDefault(team.id(), counts.values().stream().mapToLong(Long::longValue).max().orElse(0));
      teams.save(new CrmTeam(team, i, start));
    }
    int position = 0;
    for (RoutingDocument.Person rep : orEmpty(document.reps())) {
      Object[] last = lastAssigned.get(rep.id());
      people.save(new CrmPerson(rep, CrmPerson.Kind.REP, position++, last == null ? null : (Instant) last[1],
          last == null ? null : (Long) last[2]));
    }
    for (RoutingDocument.Person manager : orEmpty(document.managers())) {
      people.save(new CrmPerson(manager, CrmPerson.Kind.MANAGER, position++, null, null));
    }
    List<RoutingDocument.Rule> ruleList = orEmpty(document.rules());
    for (int i = 0; i < ruleList.size(); i++) {
      rules.save(new CrmRule(ruleList.get(i), i));
    }
    CrmRoutingHead head = heads.findById(CrmRoutingHead.ID).orElse(null);
    if (head == null) {
      heads.save(new CrmRoutingHead(document.fallbackTeam(), by, clock.instant()));
    } else {
      head.replaced(document.fallbackTeam(), by, clock.instant());
    }
    return current().orElseThrow();
  }

  /** The stored routing document; empty before one was configured. */
  @Transactional(readOnly = true)
  public Optional<RoutingDocument> current() {
    return heads.findById(CrmRoutingHead.ID).map(head -> {
      List<RoutingDocument.Person> reps = new ArrayList<>();
      List<RoutingDocument.Person> managers = new ArrayList<>();
      for (CrmPerson person : people.findAllByOrderByPosition()) {
        (person.kind() == CrmPerson.Kind.REP ? reps : managers).add(person.toDocument());
      }
      return new RoutingDocument(teams.findAllByOrderByPosition().stream().map(CrmTeam::toDocument).toList(), reps,
          managers, rules.findAllByOrderByPosition().stream().map(CrmRule::toDocument).toList(),
          head.fallbackTeam());
    });
  }

  /** Whether a routing document is stored. */
  @Transactional(readOnly = true)
  public boolean isConfigured() {
    return heads.existsById(CrmRoutingHead.ID);
  }

  /** Flags a rep available or not (a rep who is not takes no new leads; working hours apply on top). */
  @Transactional
  public void setAvailability(String personId, boolean available) {
    CrmPerson person = people.findById(personId).filter(p -> p.kind() == CrmPerson.Kind.REP)
        .orElseThrow(() -> new LeadInbox.NotFoundException("no rep '" + personId + "' in the routing"));
    person.availability(available);
  }

  /** A person of the routing: id, name, email, team (null for a manager), whether they take leads right now. */
  @Transactional(readOnly = true)
  public Optional<PersonView> person(String id) {
    return people.findById(id).map(p -> new PersonView(p.id(), p.name(), p.email(), p.teamId(),
        p.takesLeadsAt(clock.instant())));
  }

  /** A person as other modules and the API see them. */
  public record PersonView(String id, String name, String email, String team, boolean takingLeads) {
  }

  /**
   * Chooses the owner of a new lead, within the caller's transaction (the chosen rep's round-robin mark is part of
   * it). Rules in order; a rule that finds nobody available falls through; last resort, the manager of the first
   * team a rule matched (or of the fallback team, whose reps are tried when no rule matched).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  Assignment route(CrmRule.LeadFacts lead, Instant now) {
    CrmRoutingHead head = heads.findById(CrmRoutingHead.ID).orElseThrow(() -> new RoutingNotConfiguredException());
    List<String> trace = new ArrayList<>();
    String firstMatchedTeam = null;
    for (CrmRule rule : rules.findAllByOrderByPosition()) {
      String mismatch = rule.mismatch(lead);
      if (mismatch != null) {
        trace.add(rule.name() + ": " + mismatch);
        continue;
      }
      if (rule.isAccountOwner()) {
        Optional<CrmPerson> owner = Optional.ofNullable(lead.accountOwner()).flatMap(people::findById);
        if (lead.accountOwner() == null) {
          trace.add(rule.name() + ": the contact has no account owner");
        } else if (owner.isEmpty() || owner.get().kind() != CrmPerson.Kind.REP) {
          trace.add(rule.name() + ": account owner '" + lead.accountOwner() + "' is not a rep in the routing");
        } else if (!owner.get().takesLeadsAt(now)) {
          trace.add(rule.name() + ": account owner " + owner.get().id() + " is not available");
        } else {
          owner.get().assigned(now, lockedTeam(owner.get().teamId()).nextAssignment());
          return new Assignment(owner.get(), owner.get().teamId(), rule.name(), trace);
        }
        continue;
      }
      firstMatchedTeam = firstMatchedTeam == null ? rule.teamId() : firstMatchedTeam;
      Optional<CrmPerson> rep = roundRobin(rule.teamId(), Set.of(), now);
      if (rep.isPresent()) {
        return new Assignment(rep.get(), rule.teamId(), rule.name(), trace);
      }
      trace.add(rule.name() + ": nobody available in team " + rule.teamId());
    }
    if (firstMatchedTeam == null) {
      Optional<CrmPerson> rep = roundRobin(head.fallbackTeam(), Set.of(), now);
      if (rep.isPresent()) {
        return new Assignment(rep.get(), head.fallbackTeam(), "fallback team", trace);
      }
      trace.add("fallback team: nobody available in team " + head.fallbackTeam());
    }
    String team = firstMatchedTeam != null ? firstMatchedTeam : head.fallbackTeam();
    CrmPerson manager = teamPerson(team, CrmTeam::managerId);
    return new Assignment(manager, team, "last resort: manager of " + team, trace);
  }

  /**
   * The owner after a breach, within the caller's transaction: level 1 the next available rep of the team who has
   * not had the lead ({@code tried}), else the team's manager; level 2 the team lead.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  Assignment escalate(String team, int level, Set<String> tried, Instant now) {
    if (level >= 2) {
      return new Assignment(teamPerson(team, CrmTeam::teamLeadId), team, "second breach: team lead of " + team,
          List.of());
    }
    Optional<CrmPerson> rep = roundRobin(team, tried, now);
    if (rep.isPresent()) {
      return new Assignment(rep.get(), team, "first breach: next rep of " + team, List.of());
    }
    return new Assignment(teamPerson(team, CrmTeam::managerId), team,
        "first breach: nobody else available, manager of " + team, List.of());
  }

  /** The manager of {@code team}: who is told of a first breach. */
  @Transactional(propagation = Propagation.MANDATORY)
  PersonRef manager(String team) {
    return teamPerson(team, CrmTeam::managerId).ref();
  }

  /** The id in {@code system} (hubspot, salesforce) of person {@code personId}; null when the routing names none. */
  @Transactional(readOnly = true)
  public String ownerCrmId(String personId, String system) {
    return people.findById(personId).map(p -> p.ref().crmOwnerId(system)).orElse(null);
  }

  /** Whether {@code personId} is the manager or team lead of {@code team}. */
  @Transactional(propagation = Propagation.MANDATORY)
  boolean leads(String team, String personId) {
    return teams.findById(team).map(t -> personId.equals(t.managerId()) || personId.equals(t.teamLeadId()))
        .orElse(false);
  }

  /** A person by id, or empty when the routing no longer lists them. */
  @Transactional(propagation = Propagation.MANDATORY)
  Optional<PersonRef> ref(String id) {
    return people.findById(id).map(CrmPerson::ref);
  }

  private Optional<CrmPerson> roundRobin(String team, Set<String> excluded, Instant now) {
    CrmTeam locked = lockedTeam(team);
    Set<String> skip = new HashSet<>(excluded);
    for (CrmPerson rep : people.lockRoundRobin(team)) {
      if (!skip.contains(rep.id()) && rep.takesLeadsAt(now)) {
        rep.assigned(now, locked.nextAssignment());
        return Optional.of(rep);
      }
    }
    return Optional.empty();
  }

  /** The team's row under a write lock: leads of one team are assigned one at a time, across instances. */
  private CrmTeam lockedTeam(String team) {
    return teams.lock(team)
        .orElseThrow(() -> new IllegalStateException("team " + team + " is not in the routing any more"));
  }

  private CrmPerson teamPerson(String team, java.util.function.Function<CrmTeam, String> role) {
    CrmTeam crmTeam = teams.findById(team)
        .orElseThrow(() -> new IllegalStateException("team " + team + " is not in the routing any more"));
    String id = role.apply(crmTeam);
    return people.findById(id)
        .orElseThrow(() -> new IllegalStateException("person " + id + " of team " + team + " is not in the routing"));
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** Who a lead goes to, by which rule, and why earlier rules did not take it. */
  record Assignment(PersonRef owner, String team, String rule, List<String> passedOver) {

    Assignment(CrmPerson owner, String team, String rule, List<String> passedOver) {
      this(owner.ref(), team, rule, List.copyOf(passedOver));
    }

    /** The rule and the rules passed over, as kept with the task (at most 255 characters). */
    String explanation() {
      String text = passedOver.isEmpty() ? rule : rule + " (passed over: " + String.join("; ", passedOver) + ")";
      return text.length() <= 255 ? text : text.substring(0, 252) + "...";
    }
  }

  /** A person as a task needs them: id, email, working hours, ids in the CRMs. */
  record PersonRef(String id, String name, String email, WorkingHours hours, String hubspotOwnerId,
      String salesforceUserId) {

    String crmOwnerId(String system) {
      return switch (system) {
        case "hubspot" -> hubspotOwnerId;
        case "salesforce" -> salesforceUserId;
        default -> null;
      };
    }
  }

  /** No routing document is stored yet: hot leads cannot be given an owner. */
  static class RoutingNotConfiguredException extends RuntimeException {
    RoutingNotConfiguredException() {
      super("no lead routing is configured: PUT /api/v1/crm/routing or set waymark.crm.routing-file");
    }
  }
}
