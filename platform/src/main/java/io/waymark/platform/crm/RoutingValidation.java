package io.waymark.platform.crm;

import io.waymark.platform.support.InvalidInputException;
import io.waymark.platform.support.InvalidInputException.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a routing document before it is stored: every problem at once, each under the path of the field
 * ({@code teams[1].manager}), so that a wrong owner or an empty team is refused when it is configured, not found
 * by a job at 2 a.m.
 */
final class RoutingValidation {

  static final Set<String> KINDS = Set.of("ACCOUNT_OWNER", "TEAM");

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern REGION = Pattern.compile("[A-Za-z0-9 _-]{1,64}");
  private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

  private final List<String> tags;
  private final List<Problem> problems = new ArrayList<>();

  private RoutingValidation(List<String> tags) {
    this.tags = tags;
  }

  /** Throws {@link InvalidInputException} listing every problem of {@code document}. */
  static void check(RoutingDocument document, List<String> tags) {
    RoutingValidation validation = new RoutingValidation(tags);
    validation.validate(document);
    if (!validation.problems.isEmpty()) {
      throw new InvalidInputException(validation.problems);
    }
  }

  private void validate(RoutingDocument document) {
    if (document == null) {
      problem("routing", "is missing");
      return;
    }
    List<RoutingDocument.Team> teams = orEmpty(document.teams());
    List<RoutingDocument.Person> reps = orEmpty(document.reps());
    List<RoutingDocument.Person> managers = orEmpty(document.managers());
    List<RoutingDocument.Rule> rules = orEmpty(document.rules());
    if (teams.isEmpty()) {
      problem("teams", "must name at least one team");
    }
    Set<String> teamIds = new HashSet<>();
    for (int i = 0; i < teams.size(); i++) {
      RoutingDocument.Team team = teams.get(i);
      String at = "teams[" + i + "]";
      if (team == null) {
        problem(at, "is empty");
        continue;
      }
      if (id(at + ".id", team.id()) && !teamIds.add(team.id())) {
        problem(at + ".id", "'" + team.id() + "' is used by an earlier team");
      }
      required(at + ".name", team.name(), 200);
    }
    Set<String> people = new HashSet<>();
    Map<String, Integer> repsPerTeam = new HashMap<>();
    person("reps", reps, true, teamIds, people, repsPerTeam);
    person("managers", managers, false, teamIds, people, repsPerTeam);
    for (int i = 0; i < teams.size(); i++) {
      RoutingDocument.Team team = teams.get(i);
      if (team == null) {
        continue;
      }
      String at = "teams[" + i + "]";
      known(at + ".manager", team.manager(), people, "manager");
      known(at + ".teamLead", team.teamLead(), people, "team lead");
      if (team.id() != null && repsPerTeam.getOrDefault(team.id(), 0) == 0) {
        problem(at, "team '" + team.id() + "' has no reps: add reps with \"team\": \"" + team.id() + "\"");
      }
    }
    Set<String> ruleNames = new HashSet<>();
    for (int i = 0; i < rules.size(); i++) {
      rule("rules[" + i + "]", rules.get(i), teamIds, ruleNames);
    }
    if (document.fallbackTeam() == null || document.fallbackTeam().isBlank()) {
      problem("fallbackTeam", "is missing: name the team that takes leads no rule matches");
    } else if (!teamIds.contains(document.fallbackTeam())) {
      problem("fallbackTeam", "names no team: '" + document.fallbackTeam() + "'");
    }
  }

  private void person(String list, List<RoutingDocument.Person> persons, boolean rep, Set<String> teamIds,
      Set<String> people, Map<String, Integer> repsPerTeam) {
    for (int i = 0; i < persons.size(); i++) {
      RoutingDocument.Person person = persons.get(i);
      String at = list + "[" + i + "]";
      if (person == null) {
        problem(at, "is empty");
        continue;
      }
      if (id(at + ".id", person.id()) && !people.add(person.id())) {
        problem(at + ".id", "'" + person.id() + "' is used by an earlier person");
      }
      required(at + ".name", person.name(), 200);
      if (person.email() == null || !EMAIL.matcher(person.email()).matches()) {
        problem(at + ".email", "is not an email address: " + person.email());
      }
      if (rep) {
        if (person.team() == null || person.team().isBlank()) {
          problem(at + ".team", "is missing: a rep belongs to a team");
        } else if (!teamIds.contains(person.team())) {
          problem(at + ".team", "names no team: '" + person.team() + "'");
        } else {
          repsPerTeam.merge(person.team(), 1, Integer::sum);
        }
      } else if (person.team() != null && !person.team().isBlank()) {
        problem(at + ".team", "a manager belongs to no team as a rep; list them under reps to take leads");
      }
      if (person.timeZone() != null && !person.timeZone().isBlank() && person.workingHours() == null) {
        try {
          java.time.ZoneId.of(person.timeZone());
        } catch (RuntimeException e) {
          problem(at + ".timeZone", "unknown time zone '" + person.timeZone() + "'");
        }
      }
      try {
        WorkingHours.parse(person.workingHours(), person.timeZone());
      } catch (IllegalArgumentException e) {
        problem(at + ".workingHours", e.getMessage());
      }
      optional(at + ".hubspotOwnerId", person.hubspotOwnerId(), 64);
      optional(at + ".salesforceUserId", person.salesforceUserId(), 64);
    }
  }

  private void rule(String at, RoutingDocument.Rule rule, Set<String> teamIds, Set<String> names) {
    if (rule == null) {
      problem(at, "is empty");
      return;
    }
    if (required(at + ".name", rule.name(), 100) && !names.add(rule.name())) {
      problem(at + ".name", "'" + rule.name() + "' is used by an earlier rule");
    }
    if (rule.kind() == null || !KINDS.contains(rule.kind())) {
      problem(at + ".kind", "must be ACCOUNT_OWNER or TEAM, not " + rule.kind());
    } else if (rule.kind().equals("TEAM")) {
      if (rule.team() == null || rule.team().isBlank()) {
        problem(at + ".team", "is missing: a TEAM rule routes to a team");
      } else if (!teamIds.contains(rule.team())) {
        problem(at + ".team", "names no team: '" + rule.team() + "'");
      }
    } else if (rule.team() != null && !rule.team().isBlank()) {
      problem(at + ".team", "an ACCOUNT_OWNER rule routes to the contact's owner and names no team");
    }
    if (rule.region() != null && !REGION.matcher(rule.region()).matches()) {
      problem(at + ".region", "is not a region (letters, digits, spaces, - and _; up to 64): " + rule.region());
    }
    optional(at + ".productLine", rule.productLine(), 64);
    if (rule.language() != null && !LANGUAGES.contains(rule.language())) {
      problem(at + ".language", "is not an ISO 639 language code (e.g. en, de): " + rule.language());
    }
    if (rule.tag() != null && !tags.contains(rule.tag())) {
      problem(at + ".tag", "is not a lead tag: " + rule.tag() + " (tags: " + String.join(", ", tags) + ")");
    }
  }

  private void known(String field, String id, Set<String> people, String role) {
    if (id == null || id.isBlank()) {
      problem(field, "is missing: name the team's " + role);
    } else if (!people.contains(id)) {
      problem(field, "unknown owner '" + id + "': list them under reps or managers");
    }
  }

  private boolean id(String field, String value) {
    if (value == null || !ID.matcher(value).matches()) {
      problem(field, "must be 1 to 64 letters, digits, '.', '_', '@' or '-', not " + value);
      return false;
    }
    return true;
  }

  private boolean required(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      problem(field, "is missing");
      return false;
    }
    if (value.length() > max) {
      problem(field, "is longer than " + max + " characters");
      return false;
    }
    return true;
  }

  private void optional(String field, String value, int max) {
    if (value != null && (value.isBlank() || value.length() > max)) {
      problem(field, "must be 1 to " + max + " characters when given");
    }
  }

  private void problem(String field, String message) {
    problems.add(new Problem(field, message));
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
