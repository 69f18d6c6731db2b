/**
 * Approvals for approvers ({@code ApprovalsView}, route {@code approvals}): pending sign-off requests of campaign runs
 * with audience, estimated segments and cost, template preview and sensitive-topic flag; approve or reject with a
 * comment through {@code ApprovalDesk} (APPROVER or ADMIN, the signed-in user decides), which calls the campaign
 * module's {@code Approvals.decide} (four eyes, audit, {@code approval-decided} to the waiting run).
 */
package io.waymark.ui.approvals;
