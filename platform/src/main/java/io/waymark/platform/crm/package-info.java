/**
 * Hot leads for sales: owner routing, Waymark's lead inbox, SLAs and escalation, and the CRM copy of each task.
 * Facades: {@link io.waymark.platform.crm.LeadInbox} (create from a journey's signal, accept, contacted, reassign,
 * escalate) and {@link io.waymark.platform.crm.Routing} (the routing document, availability). Events:
 * {@link io.waymark.platform.crm.LeadAccepted} (the engine side publishes {@code lead-accepted}) and
 * {@link io.waymark.platform.crm.LeadTaskCreated}. CRM connectors (HubSpot, Salesforce) live in {@code connector}.
 *
 * <p>Choices made here:
 * <ul>
 * <li>Routing is data, one document replaced as a whole after validation (every problem named by its path): an
 * unknown owner, a team without reps or a malformed rule is refused when it is configured, and the start fails for
 * an invalid {@code waymark.crm.routing-file}.</li>
 * <li>Round robin is "least recently assigned first" among the team's reps who are flagged available and at work,
 * under a row lock: fair when reps come and go, one lead at a time per team across Waymark instances.</li>
 * <li>The SLA of a task is the shortest of its tags' SLAs (or the model's override), counted in the owner's working
 * hours; its priority the highest of its tags'.</li>
 * <li>A task is created once per job ({@code source_key}); its CRM copy after the commit, never inside the job's
 * path: a CRM that is down delays the copy, not the lead.</li>
 * <li>Escalation is idempotent per level; the emails go through the email outbox under a key per task, level and
 * address, so a repeated job sends nothing twice.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "CRM and hot leads")
package io.waymark.platform.crm;
