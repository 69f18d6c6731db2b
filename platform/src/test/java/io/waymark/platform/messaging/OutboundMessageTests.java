package io.waymark.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.platform.contact.ContactId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The ledger line's status only moves forward. */
class OutboundMessageTests {

  private static final Instant NOW = Instant.parse("2026-05-04T18:00:00Z");

  private static OutboundMessage sent() {
    OutboundMessage message = new OutboundMessage(new SmsRequest("k", new ContactId(1), "t", "promotional", "Hi",
        null, null), "+14155550100", NOW);
    message.markSent("twilio", "SM1", NOW);
    return message;
  }

  @Test
  void takesAFinalReceiptOnceAndNothingAfterIt() {
    OutboundMessage message = sent();

    assertThat(message.applyReceipt(OutboundMessage.Status.SENT, null, NOW)).isFalse();
    assertThat(message.applyReceipt(OutboundMessage.Status.UNDELIVERED, "30003", NOW)).isTrue();
    assertThat(message.applyReceipt(OutboundMessage.Status.DELIVERED, null, NOW)).isFalse();
    assertThat(message.status()).isEqualTo(OutboundMessage.Status.UNDELIVERED);
    assertThat(message.errorCode()).isEqualTo("30003");
  }

  @Test
  void letsALateReceiptMoveAnUnknownMessageOn() {
    OutboundMessage message = sent();

    assertThat(message.applyReceipt(OutboundMessage.Status.UNKNOWN, null, NOW)).isTrue();
    assertThat(message.applyReceipt(OutboundMessage.Status.DELIVERED, null, NOW)).isTrue();
    assertThat(message.status()).isEqualTo(OutboundMessage.Status.DELIVERED);
  }

  @Test
  void takesNoReceiptBeforeItWasSent() {
    OutboundMessage queued = new OutboundMessage(new SmsRequest("k", new ContactId(1), "t", "promotional", "Hi",
        null, null), "+14155550100", NOW);

    assertThat(queued.applyReceipt(OutboundMessage.Status.DELIVERED, null, NOW)).isFalse();
    assertThat(queued.status()).isEqualTo(OutboundMessage.Status.QUEUED);
  }

  @Test
  void recordsTheSameAcceptanceTwiceWithoutComplaintButRefusesAnother() {
    OutboundMessage message = sent();

    message.markSent("twilio", "SM1", NOW);
    assertThat(message.status()).isEqualTo(OutboundMessage.Status.SENT);
    assertThatThrownBy(() -> message.markSent("twilio", "SM2", NOW)).isInstanceOf(IllegalStateException.class);
  }
}
