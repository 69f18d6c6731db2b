/**
 * Campaigns: sends of an approved SMS template to a segment, NOW, AT an instant or RECURRING by cron, each execution a
 * run carried by a {@code campaign-send} process instance; approvals of large or sensitive runs (four eyes, with an
 * expiry); and scheduled segment entry into journeys ({@code waymark.journeys.schedules}). Facades:
 * {@link io.waymark.platform.campaign.Campaigns} (create, list, cancel, the scheduler's due runs),
 * {@link io.waymark.platform.campaign.CampaignRuns} (what the engine side drives: start, resolve, send a batch, end)
 * and {@link io.waymark.platform.campaign.Approvals}. Events to the engine side:
 * {@link io.waymark.platform.campaign.CampaignRunRequested}, {@link io.waymark.platform.campaign.CampaignRunCancelled},
 * {@link io.waymark.platform.campaign.ApprovalDecided}.
 *
 * <p>Choices made here:
 * <ul>
 * <li>A run's audience is a snapshot ({@code campaign_audience}): written page by page from
 * {@code Segments.members} (consent and suppression for the campaign's topic applied), numbered in batches of
 * {@code waymark.campaigns.batch-size}, never held in memory or in a process variable; the process sees counts and
 * batch numbers only. Each member's result (SENT with the outbound message id, SUPPRESSED, FAILED, DEFERRED) is kept
 * beside it: progress and counts are read from there.</li>
 * <li>Every member is sent under the key {@code campaign:<run>:<contact>}, so a redelivered batch never texts anyone
 * twice, and through {@code TemplatedMessages}, which asks consent and the send policy at that moment: the snapshot's
 * consent filter is the audience's check, not the last word.</li>
 * <li>The template version approved when the audience is resolved is pinned on the run and is the only one sent: what
 * an approver saw is what goes out, or nothing (a version retired meanwhile fails the batch for ops to see).</li>
 * <li>A run is not a journey run ({@code journey_run} is one contact's run): its steps are in the step ledger by
 * process instance and shown with the run ({@code GET /api/v1/campaign-runs/{id}}).</li>
 * <li>Scheduled runs are started once per (campaign, fire time) by a unique key, whatever the number of Waymark
 * instances; a recurring campaign never has two live runs (a fire meanwhile is SKIPPED, PREVIOUS_RUN_LIVE); a fire
 * missed for longer than {@code waymark.campaigns.catch-up} is SKIPPED as MISSED rather than sent late.</li>
 * <li>Scheduled segment entry lives here, not in {@code journey}, because it reads segments, and segments already
 * depend on journeys.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Campaigns")
package io.waymark.platform.campaign;
