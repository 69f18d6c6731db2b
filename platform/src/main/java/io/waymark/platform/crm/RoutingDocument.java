package io.waymark.platform.crm;

import java.util.List;

/**
 * Who gets hot leads, as one document that is validated and then replaces the previous one as a whole
 * ({@code PUT /api/v1/crm/routing}, or {@code waymark.crm.routing-file} at start-up).
 *
 * <ul>
 * <li>{@code teams}: each with a {@code manager} (told when a lead is escalated; the last resort owner) and a
 * {@code teamLead} (the owner after a second breach), both ids of people below.</li>
 * <li>{@code reps}: people in a team who take leads by round robin; {@code workingHours} like
 * {@code "MON-FRI 09:00-17:30"} in {@code timeZone} (empty: always), {@code available} (default true), their ids in
 * the CRMs.</li>
 * <li>{@code managers}: managers and team leads who are not reps.</li>
 * <li>{@code rules}, tried in order: {@code ACCOUNT_OWNER} (the contact's owner, when a rep and available) or
 * {@code TEAM} (round robin among the available reps of {@code team}); optional criteria {@code region},
 * {@code productLine}, {@code language}, {@code tag} must all match. A rule that finds nobody falls through.</li>
 * <li>{@code fallbackTeam}: where a lead no rule matches goes (round robin, then its manager).</li>
 * </ul>
 */
public record RoutingDocument(List<Team> teams, List<Person> reps, List<Person> managers, List<Rule> rules,
    String fallbackTeam) {

  /** A sales team. */
  public record Team(String id, String name, String manager, String teamLead) {
  }

  /** A rep (with a team) or a manager (without). */
  public record Person(String id, String name, String email, String team, String timeZone, String workingHours,
      Boolean available, String hubspotOwnerId, String salesforceUserId) {
  }

  /** An owner rule: kind ACCOUNT_OWNER or TEAM. */
  public record Rule(String name, String kind, String team, String region, String productLine, String language,
      String tag) {
  }
}
