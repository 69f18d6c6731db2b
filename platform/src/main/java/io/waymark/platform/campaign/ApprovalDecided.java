package io.waymark.platform.campaign;

/** An approver decided: the engine side publishes {@code approval-decided} under the approval id. */
public record ApprovalDecided(ApprovalId approvalId) {
}
