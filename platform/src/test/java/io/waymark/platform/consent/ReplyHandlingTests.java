package io.waymark.platform.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.waymark.platform.contact.ContactDetails;
import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactView;
import io.waymark.platform.messaging.InboundMessages;
import io.waymark.platform.messaging.SmsSandbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Inbound texts through the sandbox, the same path a provider webhook takes: consent acts at once. */
@SpringBootTest
class ReplyHandlingTests {

  @Autowired SmsSandbox sandbox;
  @Autowired ContactDirectory contacts;
  @Autowired ConsentLedger ledger;
  @Autowired ConsentProperties properties;
  @Autowired InboundMessages inbound;

  private ContactView optedIn(String phone) {
    ContactView contact = contacts.upsert(ContactDetails.ofPhone(phone));
    ledger.recordOptIn(new OptIn(contact.id(), phone, List.of("promotions", "alerts"), "web-form", "Yes", "test",
        Instant.now().minusSeconds(60)));
    return contact;
  }

  private List<String> answersTo(String phone) {
    return sandbox.recorded(phone, 0, 20).stream().filter(m -> m.direction().equals("OUT"))
        .map(SmsSandbox.RecordedMessage::body).toList();
  }

  @Test
  void anOptOutTakesEffectAtOnceKeepsTheRawTextAndIsConfirmedOnce() {
    ContactView contact = optedIn("+13125550101");

    InboundMessages.Received received = sandbox.playReply("+13125550101", "Please stop texting me!!");

    assertThat(received.replyClass()).isEqualTo("OPT_OUT");
    assertThat(ledger.permits(contact, "promotions").reason()).isEqualTo("OPTED_OUT");
    assertThat(ledger.permits(contact, "alerts").allowed()).isFalse();
    ConsentEntry revocation = ledger.state(contact).history().getLast();
    assertThat(revocation.rawText()).isEqualTo("Please stop texting me!!");
    assertThat(revocation.channel()).isEqualTo("sms");
    assertThat(revocation.confirmationText()).isEqualTo(properties.optOutConfirmation());
    assertThat(revocation.receivedAt()).isNotNull();
    assertThat(revocation.processedAt()).isNotNull();
    await().atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(answersTo("+13125550101")).containsExactly(properties.optOutConfirmation()));
  }

  @Test
  void startResubscribesToWhatTheContactHadBeforeTheStop() {
    ContactView contact = optedIn("+13125550102");
    sandbox.playReply("+13125550102", "STOP");

    InboundMessages.Received received = sandbox.playReply("+13125550102", "START");

    assertThat(received.answer()).isEqualTo(properties.optInConfirmation());
    assertThat(ledger.permits(contact, "promotions").allowed()).isTrue();
    assertThat(ledger.permits(contact, "alerts").allowed()).isTrue();
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(answersTo("+13125550102"))
        .containsExactlyInAnyOrder(properties.optOutConfirmation(), properties.optInConfirmation()));
  }

  @Test
  void helpIsAnsweredWithTheBrandsHelpTextEvenFromAnUnknownNumber() {
    InboundMessages.Received received = sandbox.playReply("+13125550103", "HELP");

    assertThat(received.replyClass()).isEqualTo("HELP");
    assertThat(received.answer()).isEqualTo(properties.helpText());
    await().atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(answersTo("+13125550103")).containsExactly(properties.helpText()));
  }

  @Test
  void aKeywordStartsADoubleOptInThatYesConfirmsWithBothMessagesAsEvidence() {
    InboundMessages.Received join = sandbox.playReply("+13125550104", "join");
    assertThat(join.answer()).startsWith("Acme deals").endsWith("Reply YES to confirm.");
    ContactView contact = contacts.findByPhone("+13125550104").orElseThrow();
    assertThat(ledger.permits(contact, "promotions").allowed()).isFalse();

    sandbox.playReply("+13125550104", "YES");

    assertThat(ledger.permits(contact, "promotions").allowed()).isTrue();
    ConsentEntry optIn = ledger.state(contact).history().getLast();
    assertThat(optIn.channel()).isEqualTo("keyword");
    assertThat(optIn.disclosureText()).contains("Reply YES to confirm.").endsWith("> YES");
    assertThat(optIn.source().keywordMessageId()).contains(",");
  }

  @Test
  void anythingButYesAfterAKeywordRecordsNothing() {
    sandbox.playReply("+13125550105", "JOIN");
    ContactView contact = contacts.findByPhone("+13125550105").orElseThrow();

    sandbox.playReply("+13125550105", "what is this about?");

    assertThat(ledger.permits(contact, "promotions").allowed()).isFalse();
    assertThat(ledger.countRecords(contact.id())).isZero();
  }

  @Test
  void aReplayedProviderMessageIsHandledOnce() {
    ContactView contact = optedIn("+13125550106");
    long before = ledger.countRecords(contact.id());

    InboundMessages.Received first = inbound.receive("test-provider", "SM-replayed-1", "+13125550106", null, "STOP");
    InboundMessages.Received replay = inbound.receive("test-provider", "SM-replayed-1", "+13125550106", null, "STOP");

    assertThat(first.replay()).isFalse();
    assertThat(replay.replay()).isTrue();
    assertThat(replay.inboundMessageId()).isEqualTo(first.inboundMessageId());
    assertThat(ledger.countRecords(contact.id())).isEqualTo(before + 1);
  }

  @Test
  void conversationalRepliesChangeNoConsent() {
    ContactView contact = optedIn("+13125550107");

    InboundMessages.Received hot = sandbox.playReply("+13125550107", "Yes, call me");
    InboundMessages.Received stopBy = sandbox.playReply("+13125550107", "I'll stop by the store tomorrow");

    assertThat(hot.replyClass()).isEqualTo("HOT");
    assertThat(stopBy.replyClass()).isEqualTo("OTHER");
    assertThat(hot.answer()).isNull();
    assertThat(ledger.permits(contact, "promotions").allowed()).isTrue();
  }
}
