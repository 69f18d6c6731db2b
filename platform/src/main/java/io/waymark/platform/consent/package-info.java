/**
 * The consent ledger: append-only evidence of every opt-in (and, later, revocation), from which the current state
 * per contact and topic is derived. {@link io.waymark.platform.consent.ConsentLedger} is the facade.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Consent")
package io.waymark.platform.consent;
