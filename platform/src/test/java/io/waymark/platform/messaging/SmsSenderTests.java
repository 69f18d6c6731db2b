package io.waymark.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.platform.consent.ConsentLedger;
import io.waymark.platform.consent.OptIn;
import io.waymark.platform.consent.Revocation;
import io.waymark.platform.contact.ContactDetails;
import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactView;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The moment of sending: consent and policy asked again, each key sent once, even when asked concurrently. */
@SpringBootTest
class SmsSenderTests {

  @Autowired SmsSender sender;
  @Autowired SmsSandbox sandbox;
  @Autowired ContactDirectory contacts;
  @Autowired ConsentLedger ledger;
  @Autowired Clock clock;
  @Autowired OutboundMessageRepository outbound;

  private ContactView optedIn(String phone, String country, String region) {
    ContactView contact = contacts.upsert(new ContactDetails(phone, country, "Test", null, null, null, region, null,
        Map.of()));
    ledger.recordOptIn(new OptIn(contact.id(), contact.phone(), List.of("promotions", "order-updates"), "web-form",
        "Yes", "test", clock.instant().minusSeconds(60)));
    return contact;
  }

  private SmsRequest request(ContactView contact, String messageClass, String topic) {
    return new SmsRequest("test:" + UUID.randomUUID(), contact.id(), topic, messageClass, "Hello", null, null);
  }

  @Test
  void sendsAKeyOnceWhenTheSameJobRunsConcurrently() throws Exception {
    ContactView contact = optedIn("+12065550140", "US", "WA");
    SmsRequest request = request(contact, "promotional", "promotions");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Callable<SmsOutcome>> attempts = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      attempts.add(() -> {
        try {
          return sender.send(request);
        } catch (SmsSender.SendInFlightException inFlight) {
          return null; // the job fails and is retried later; the retry finds the first outcome
        }
      });
    }
    List<Future<SmsOutcome>> outcomes = pool.invokeAll(attempts);
    pool.shutdown();

    long sent = 0;
    for (Future<SmsOutcome> outcome : outcomes) {
      if (outcome.get() != null && !outcome.get().duplicate()) {
        sent++;
      }
    }
    assertThat(sent).isEqualTo(1);
    assertThat(sandbox.recorded(contact.phone(), 0, 10)).hasSize(1);
    assertThat(sender.send(request).duplicate()).isTrue();
  }

  @Test
  void theSandboxPlaysTheCarriersReceiptsThroughTheCallbackPath() {
    ContactView contact = optedIn("+12065550147", "US", "WA");
    SmsOutcome first = sender.send(request(contact, "promotional", "promotions"));
    SmsOutcome second = sender.send(request(contact, "promotional", "promotions"));
    List<SmsSandbox.RecordedMessage> sent = sandbox.recorded(contact.phone(), 0, 10);

    sandbox.playReceipt(sent.get(1).providerMessageId(), true, null);
    sandbox.playReceipt(sent.get(0).providerMessageId(), false, "30003");

    assertThat(outbound.findById(first.messageId()).orElseThrow().status())
        .isEqualTo(OutboundMessage.Status.DELIVERED);
    assertThat(outbound.findById(second.messageId()).orElseThrow()).satisfies(message -> {
      assertThat(message.status()).isEqualTo(OutboundMessage.Status.UNDELIVERED);
      assertThat(message.errorCode()).isEqualTo("30003");
    });
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> sandbox.playReceipt("SBnope", true, null))
        .isInstanceOf(io.waymark.platform.support.InvalidInputException.class)
        .hasMessageContaining("providerMessageId").hasMessageContaining("SBnope");
  }

  @Test
  void defersAPromotionInTheRecipientsQuietHoursWithoutWritingAnything() {
    ContactView contact = optedIn("+919876543211", "IN", null);
    int hour = clock.instant().atZone(ZoneId.of("Asia/Kolkata")).getHour();
    assertThat(hour < 9 || hour >= 21).as("the test clock puts India at night (%d h)", hour).isTrue();

    SmsOutcome promotion = sender.send(request(contact, "promotional", "promotions"));
    SmsOutcome update = sender.send(request(contact, "transactional", "order-updates"));

    assertThat(promotion.status()).isEqualTo(SmsOutcome.Status.DEFERRED);
    assertThat(promotion.reason()).isEqualTo("QUIET_HOURS");
    assertThat(promotion.deferredUntil().atZone(ZoneId.of("Asia/Kolkata")).getHour()).isEqualTo(9);
    assertThat(promotion.messageId()).isNull();
    assertThat(update.status()).isEqualTo(SmsOutcome.Status.SENT);
    assertThat(sandbox.recorded(contact.phone(), 0, 10)).hasSize(1);
  }

  @Test
  void suppressesAtTheMomentOfSendingOnceTheContactOptedOut() {
    ContactView contact = optedIn("+12065550141", "US", "WA");
    ledger.recordRevocation(new Revocation(contact.id(), contact.phone(), ConsentLedger.DEFAULT_BRAND, List.of(),
        "sms", "STOP", clock.instant(), "test", null));

    SmsOutcome outcome = sender.send(request(contact, "transactional", "order-updates"));

    assertThat(outcome.status()).isEqualTo(SmsOutcome.Status.SUPPRESSED);
    assertThat(outcome.reason()).isEqualTo("OPTED_OUT");
    assertThat(sandbox.recorded(contact.phone(), 0, 10)).isEmpty();
  }

  @Test
  void suppressesAMessageThatWouldGoOutTooLate() {
    ContactView contact = optedIn("+919876543212", "IN", null);
    SmsRequest late = new SmsRequest("test:" + UUID.randomUUID(), contact.id(), "promotions", "promotional", "Flash sale",
        null, null, clock.instant().plusSeconds(3600));

    SmsOutcome outcome = sender.send(late);

    assertThat(outcome.status()).isEqualTo(SmsOutcome.Status.SUPPRESSED);
    assertThat(outcome.reason()).isEqualTo("EXPIRED");
  }

  @Test
  void aComplianceAnswerReachesAnOptedOutContactOnce() {
    ContactView contact = optedIn("+12065550142", "US", "WA");
    ledger.recordRevocation(new Revocation(contact.id(), contact.phone(), ConsentLedger.DEFAULT_BRAND, List.of(),
        "sms", "STOP", clock.instant(), "test", null));

    sender.sendComplianceAnswer("answer:test-1", contact.id(), "You are unsubscribed.");
    SmsOutcome again = sender.sendComplianceAnswer("answer:test-1", contact.id(), "You are unsubscribed.");

    assertThat(again.duplicate()).isTrue();
    assertThat(sandbox.recorded(contact.phone(), 0, 10)).singleElement()
        .satisfies(m -> assertThat(m.body()).isEqualTo("You are unsubscribed."));
  }

  @Test
  void aCapCountsWhatWasSent() {
    ContactView contact = optedIn("+13055550143", "US", "FL");
    for (int i = 0; i < 3; i++) {
      assertThat(sender.send(request(contact, "promotional", "promotions")).status())
          .isEqualTo(SmsOutcome.Status.SENT);
    }

    SmsOutcome fourth = sender.send(request(contact, "promotional", "promotions"));

    assertThat(fourth.status()).isNotEqualTo(SmsOutcome.Status.SENT);
    assertThat(fourth.reason()).isEqualTo("CAP_REACHED");
    assertThat(sandbox.recorded(contact.phone(), 0, 10)).hasSize(3);
  }
}
