package io.waymark.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.platform.contact.ContactDetails;
import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactView;
import io.waymark.platform.messaging.provider.DeliveryStatusLookup;
import io.waymark.platform.messaging.provider.DeliveryStatusLookup.Delivery;
import io.waymark.platform.messaging.provider.DeliveryStatusLookup.ProviderStatus;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Messages with no final receipt after the timeout: the provider is asked, or the message becomes UNKNOWN. */
@SpringBootTest
class ReceiptReconciliationTests {

  @Autowired OutboundMessageRepository ledger;
  @Autowired DeliveryReceipts receipts;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  @Autowired SmsSender sender;
  @Autowired ContactDirectory contacts;
  @Autowired SandboxDeliveryStatus sandbox;

  private final FakeLookup twilio = new FakeLookup();

  private ReceiptReconciliation reconciliation() {
    return new ReceiptReconciliation(ledger, receipts, List.of(twilio), clock, Duration.ofHours(1));
  }

  @Test
  void appliesTheFinalStatusTheProviderReportsForAnOverdueMessage() {
    String delivered = sent("twilio", Duration.ofHours(2));
    String failed = sent("twilio", Duration.ofHours(3));
    twilio.answers.put(delivered, new ProviderStatus("delivered", Delivery.DELIVERED, null));
    twilio.answers.put(failed, new ProviderStatus("failed", Delivery.FAILED, "30008"));

    reconciliation().reconcile();

    assertThat(status(delivered)).isEqualTo("DELIVERED");
    assertThat(status(failed)).isEqualTo("FAILED");
    assertThat(jdbc.queryForObject("select error_code from outbound_message where provider_message_id = ?",
        String.class, failed)).isEqualTo("30008");
    assertThat(jdbc.queryForObject("select source from delivery_receipt where provider_message_id = ?",
        String.class, delivered)).isEqualTo("LOOKUP");
  }

  @Test
  void leavesMessagesAloneUntilTheTimeoutHasPassed() {
    String recent = sent("twilio", Duration.ofMinutes(50));

    reconciliation().reconcile();

    assertThat(status(recent)).isEqualTo("SENT");
    assertThat(twilio.asked).doesNotContain(recent);
  }

  @Test
  void marksAMessageUnknownWhenTheProviderStillHasNoFinalStatusAndLetsALateReceiptMoveItOn() {
    String pending = sent("twilio", Duration.ofHours(2));
    String notFound = sent("twilio", Duration.ofHours(2));
    twilio.answers.put(pending, new ProviderStatus("sent", Delivery.PENDING, null));

    reconciliation().reconcile();

    assertThat(status(pending)).isEqualTo("UNKNOWN");
    assertThat(status(notFound)).isEqualTo("UNKNOWN");
    receipts.record(new DeliveryReceipts.Report("twilio", pending, "delivered", OutboundMessage.Status.DELIVERED,
        null, DeliveryReceipt.Source.CALLBACK));
    assertThat(status(pending)).isEqualTo("DELIVERED");
  }

  @Test
  void marksAMessageUnknownWhenNobodyCanAskItsProvider() {
    String sid = sent("carrier-x", Duration.ofHours(2));

    reconciliation().reconcile();

    assertThat(status(sid)).isEqualTo("UNKNOWN");
    assertThat(jdbc.queryForMap("select status, source from delivery_receipt where provider_message_id = ?", sid))
        .containsEntry("status", ReceiptReconciliation.NO_RECEIPT).containsEntry("source", "TIMEOUT");
  }

  @Test
  void keepsAMessageSentWhenTheLookupFailsSoTheNextRunAsksAgain() {
    String sid = sent("twilio", Duration.ofHours(2));
    twilio.failing.add(sid);

    reconciliation().reconcile();
    assertThat(status(sid)).isEqualTo("SENT");

    twilio.failing.clear();
    twilio.answers.put(sid, new ProviderStatus("delivered", Delivery.DELIVERED, null));
    reconciliation().reconcile();
    assertThat(status(sid)).isEqualTo("DELIVERED");
  }

  @Test
  void learnsFromTheSandboxThatItsMessagesWereDelivered() {
    ContactView contact = contacts.upsert(ContactDetails.ofPhone("+12065550191"));
    SmsOutcome sent = sender.sendComplianceAnswer("test:" + UUID.randomUUID(), contact.id(), "Acme: help text");
    Clock twoHoursLater = Clock.offset(clock, Duration.ofHours(2));

    new ReceiptReconciliation(ledger, receipts, List.of(sandbox), twoHoursLater, Duration.ofHours(1)).reconcile();

    assertThat(status(sent.providerMessageId())).isEqualTo("DELIVERED");
  }

  private String sent(String provider, Duration ago) {
    String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
    Timestamp sentAt = Timestamp.from(clock.instant().minus(ago));
    jdbc.update("insert into outbound_message (idempotency_key, contact_id, phone, body, topic, message_class, status, "
        + "provider, provider_message_id, created_at, sent_at, version) values (?, ?, '+14155550199', 'Hello', "
        + "'promotions', 'promotional', 'SENT', ?, ?, ?, ?, 0)",
        "test:" + sid, Math.abs(UUID.randomUUID().getMostSignificantBits()), provider, sid, sentAt, sentAt);
    return sid;
  }

  private String status(String sid) {
    return jdbc.queryForObject("select status from outbound_message where provider_message_id = ?", String.class, sid);
  }

  /** Answers per message id; unknown ids are not found; listed ids fail. */
  static class FakeLookup implements DeliveryStatusLookup {
    final Map<String, ProviderStatus> answers = new HashMap<>();
    final List<String> failing = new ArrayList<>();
    final List<String> asked = new ArrayList<>();

    @Override
    public String providerName() {
      return "twilio";
    }

    @Override
    public Optional<ProviderStatus> lookup(String providerMessageId) {
      asked.add(providerMessageId);
      if (failing.contains(providerMessageId)) {
        throw new IllegalStateException("provider unreachable");
      }
      return Optional.ofNullable(answers.get(providerMessageId));
    }
  }
}
