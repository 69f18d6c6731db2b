/**
 * The consent ledger: append-only evidence of every opt-in (and, later, revocation), from which the current state
 * per contact and topic is derived. {@link io.waymark.platform.consent.ConsentLedger} is the facade.
 *
 * <p>{@link io.waymark.platform.consent.ReplyClassifier} reads inbound SMS replies as opt-out, opt-in, help, hot,
 * not-now or other, by rules kept as data in {@code consent/reply-rules.tsv}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Consent")
package io.waymark.platform.consent;
