package io.waymark.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.platform.consent.ConsentLedger;
import io.waymark.platform.consent.OptIn;
import io.waymark.platform.contact.ContactDetails;
import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactView;
import io.waymark.platform.messaging.TemplatedMessages.TemplatedSms;
import io.waymark.platform.support.InvalidInputException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** A message that asks a question keeps its answers: the reply "1" is read as the class it stands for. */
@SpringBootTest
class PromptAnswersTests {

  @Autowired TemplatedMessages messages;
  @Autowired InboundMessages inbound;
  @Autowired ContactDirectory contacts;
  @Autowired ConsentLedger consent;
  @Autowired Clock clock;

  private ContactView optedIn(String phone) {
    ContactView contact = contacts.upsert(new ContactDetails(phone, "US", "Maya", null, null, null, "WA", null,
        Map.of()));
    consent.recordOptIn(new OptIn(contact.id(), contact.phone(), List.of("promotions"), "web-form",
        "Yes, text me offers. Reply STOP to cancel.", "answers-test", clock.instant().minusSeconds(60)));
    return contact;
  }

  private SmsOutcome ask(ContactView contact, Map<String, ?> answers) {
    return messages.sendSms(new TemplatedSms("answers:" + UUID.randomUUID(), contact.id(),
        "lead-follow-up.first-text", "promotions", "promotional", null, Map.of(), null, null, null, answers));
  }

  private String reply(ContactView contact, String text) {
    return inbound.receive("sandbox", "in-" + UUID.randomUUID(), contact.phone(), null, text).replyClass();
  }

  @Test
  void readsTheAnswerKeysOfTheQuestionTheContactWasAsked() {
    ContactView asked = optedIn("+12065550160");
    assertThat(ask(asked, Map.of("1", "HOT", "2", "not_now")).status()).isEqualTo(SmsOutcome.Status.SENT);

    assertThat(reply(asked, "1")).isEqualTo("HOT");
    assertThat(reply(asked, " 2 ")).isEqualTo("NOT_NOW");
    assertThat(reply(asked, "STOP")).isEqualTo("OPT_OUT");
  }

  @Test
  void readsADigitAsFreeTextWhenNoQuestionIsOpen() {
    ContactView told = optedIn("+12065550161");
    assertThat(ask(told, null).status()).isEqualTo(SmsOutcome.Status.SENT);

    assertThat(reply(told, "1")).isEqualTo("OTHER");
  }

  @Test
  void refusesAnswersThatAreNotReplyClassesNamingTheAnswer() {
    ContactView contact = optedIn("+12065550162");

    assertThatThrownBy(() -> ask(contact, Map.of("1", "MAYBE")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.field()).isEqualTo("answers.1");
          assertThat(e.problem()).contains("'MAYBE' is not a reply class");
        });
    assertThatThrownBy(() -> ask(contact, Map.of("two words", "HOT")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("answers"));
  }
}
