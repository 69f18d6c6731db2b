/**
 * Messages in and out: the outbound SMS ledger (idempotent by key, written before any provider call), SMS
 * providers (the sandbox device simulator by default; Twilio and Telnyx adapters in {@code twilio} and {@code telnyx},
 * behind the {@code provider.SmsRouter}: routes per brand and country, Resilience4j per provider, failover),
 * inbound messages, delivery receipts (forward-only, kept in {@code delivery_receipt}, overdue ones reconciled
 * through {@link io.waymark.platform.messaging.provider.DeliveryStatusLookup}), Twilio's signed webhooks under
 * {@code /webhooks/twilio}, and email (an outbox table in embedded mode, SMTP with
 * {@code waymark.email.transport=smtp}). Facades: {@link io.waymark.platform.messaging.SmsSender},
 * {@link io.waymark.platform.messaging.InboundMessages}, {@link io.waymark.platform.messaging.EmailSender},
 * {@link io.waymark.platform.messaging.SmsSandbox}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Messaging")
package io.waymark.platform.messaging;
