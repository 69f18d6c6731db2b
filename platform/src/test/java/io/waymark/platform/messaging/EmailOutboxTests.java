package io.waymark.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.platform.contact.ContactDetails;
import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactView;
import io.waymark.platform.support.InvalidInputException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The embedded default: the email table is the outbox; each key is written once; bad input names the field. */
@SpringBootTest
class EmailOutboxTests {

  @Autowired EmailSender sender;
  @Autowired ContactDirectory contacts;

  @Test
  void writesAnEmailToTheOutboxOncePerKey() {
    ContactView contact = contacts.upsert(new ContactDetails("+12065550177", null, "Eve", null, "eve@example.com",
        null, null, null, Map.of()));
    String key = "email:" + UUID.randomUUID();

    EmailSender.EmailOutcome first = sender.send(key, contact.id(), "Hi", "Body");
    EmailSender.EmailOutcome again = sender.send(key, contact.id(), "Hi", "Body");

    assertThat(again.duplicate()).isTrue();
    assertThat(sender.outbox(0, 50)).filteredOn(email -> email.id() == first.emailId())
        .singleElement().satisfies(email -> assertThat(email.status()).isEqualTo("OUTBOX"));
  }

  @Test
  void refusesAnOverlongSubjectNamingIt() {
    ContactView contact = contacts.upsert(new ContactDetails("+12065550178", null, "Fay", null, "fay@example.com",
        null, null, null, Map.of()));

    assertThatThrownBy(() -> sender.send("email:" + UUID.randomUUID(), contact.id(), "x".repeat(256), "Body"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("subject"));
  }
}
