/**
 * Segments: named rules over contacts and their behaviour, evaluated in the database, with consent and suppression
 * applied on top of every evaluation. {@link io.waymark.platform.segment.Segments} is the facade.
 *
 * <p>Rule grammar (JSON; every node is an object with exactly one of these keys):
 * <ul>
 * <li>{@code {"all": [...]}} (empty: every contact), {@code {"any": [...]}} (never empty), {@code {"not": {...}}}.</li>
 * <li>{@code {"field": "lifecycleStage"|"region"|"owner"|"locale"|"timeZone", "op": "eq"|"in"|"present"|"startsWith",
 * "value": "..." | "values": [...]}}: lifecycle stages must be known ones and take no startsWith.</li>
 * <li>{@code {"topic": "promotions"}}: the contact lists the topic among its topics of interest (not consent).</li>
 * <li>{@code {"attribute": "plan", "op": "eq"|"in"|"present", "value"|"values": ...}}.</li>
 * <li>{@code {"replied": {"withinDays"?: 30, "classes"?: ["HOT", ...]}}}: an inbound SMS (of those reply classes).</li>
 * <li>{@code {"messaged": {"withinDays"?: 7, "topic"?: "promotions"}}}: an SMS a provider accepted (sent_at).</li>
 * <li>{@code {"journey": "win-back", "state": "entered"|"finished"|"running", "withinDays"?: 90, "outcome"?: "..."}}:
 * entered = the run started, finished = it ended (with that outcome), running = a run not ended (no window). The
 * journey must be deployed.</li>
 * <li>{@code {"optedIn": {"topic": "promotions", "since"?: "2026-01-01" | "withinDays"?: 30}}}: an opt-in line for
 * the topic at or after the moment, whether or not a later opt-out undid it (consent for the send topic is applied
 * anyway).</li>
 * <li>{@code {"inactiveDays": 60}}: created more than 60 days ago, and in those 60 days no inbound SMS and no consent
 * line (opt-in or opt-out). What Waymark sent does not count: inactivity is about the contact, and a contact texted
 * often without answering is exactly who a win-back is for ({@code not messaged} expresses the other meaning).</li>
 * <li>{@code {"converted": {"withinDays"?: 30}}}: a conversion event (a purchase, published to the contact's journeys as
 * message {@code conversion} and kept in {@code journey_message}) in the window.</li>
 * <li>{@code {"clicked": {"withinDays"?: 7}}}: a click on one of the contact's short links in the window ({@code
 * link_click} of kind CLICK, written by the link module; a messaging app's preview bot does not count).</li>
 * </ul>
 * Windows ({@code withinDays}) reach back from the moment of evaluation, in whole 24-hour days; without one, "ever".
 * Every leaf is true or false for every contact (a contact without a region is "not in region US-CA"). Text compares
 * without regard to case on H2 and the MySQL family alike, accents counting on both. A bad node is a 400 naming
 * its JSON path ({@code rule.all[2].op}).
 *
 * <p>Choices made here:
 * <ul>
 * <li>The consent topic belongs to the send, not to the segment: the same audience serves promotions and alerts. So
 * every preview and every resolution names its topic, and consent cannot be forgotten: there is no way to list
 * members without it.</li>
 * <li>Deliberate exception to module boundaries: rules are evaluated as one SQL query that reads the contact,
 * consent, suppression, messaging, journey and link-click tables directly (a million contacts cannot go through facades one by
 * one). All of that SQL lives in {@code AudienceSql}, which mirrors {@code ConsentLedger.permits} (suppression, then
 * the latest line for the topic or {@code *} by occurrence and id); {@code SegmentConsentTests} holds the two
 * together. Other modules changing those tables must keep {@code AudienceSql} in step.</li>
 * <li>Members are resolved in keyset pages by contact id (never the whole audience in memory); each page evaluates
 * rule and consent afresh.</li>
 * <li>Segments are immutable once created (an audience must not change under a running resolution); names are unique
 * without regard to case.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Segments")
package io.waymark.platform.segment;
