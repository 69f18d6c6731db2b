package io.waymark.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.waymark.platform.contact.ContactDetails;
import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactView;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;

/** Email over SMTP (GreenMail on port 3025): delivered once per key, nothing marked sent when SMTP is down. */
@SpringBootTest(properties = {"waymark.email.transport=smtp", "waymark.email.from=journeys@acme.example",
    "spring.mail.host=127.0.0.1", "spring.mail.port=3025"})
class SmtpEmailTests {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

  @Autowired EmailSender sender;
  @Autowired ContactDirectory contacts;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;

  private ContactView contact(String email) {
    String phone = "+1206555" + String.format("%04d", Math.floorMod(UUID.randomUUID().hashCode(), 10_000));
    return contacts.upsert(new ContactDetails(phone, null, "Ada", null, email, null, null, null, Map.of()));
  }

  @Test
  void deliversAnEmailOnceWithItsSenderRecipientSubjectAndBody() throws Exception {
    ContactView ada = contact("ada@example.com");
    String key = "email:" + UUID.randomUUID();

    EmailSender.EmailOutcome first = sender.send(key, ada.id(), "Your appointment", "See you at 10:00 – Acme");
    EmailSender.EmailOutcome again = sender.send(key, ada.id(), "Your appointment", "See you at 10:00 – Acme");

    MimeMessage[] received = SMTP.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getFrom()[0].toString()).isEqualTo("journeys@acme.example");
    assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("ada@example.com");
    assertThat(received[0].getSubject()).isEqualTo("Your appointment");
    assertThat(GreenMailUtil.getBody(received[0])).contains("See you at 10:00");
    assertThat(received[0].getMessageID()).endsWith("@acme.example>");
    assertThat(first.duplicate()).isFalse();
    assertThat(again.duplicate()).isTrue();
    assertThat(again.emailId()).isEqualTo(first.emailId());
    assertThat(status(key)).isEqualTo("SENT");
  }

  @Test
  void failsTheSendAndMarksNothingSentWhenSmtpIsDownThenSendsOnRetry() {
    ContactView bob = contact("bob@example.com");
    String key = "email:" + UUID.randomUUID();
    SMTP.stop();

    assertThatThrownBy(() -> sender.send(key, bob.id(), "Hello", "Body")).isInstanceOf(MailException.class);
    assertThat(status(key)).isEqualTo("FAILED");
    assertThat(jdbc.queryForObject("select sent_at from email_message where idempotency_key = ?", Object.class, key))
        .isNull();

    SMTP.start();
    assertThat(sender.send(key, bob.id(), "Hello", "Body").duplicate()).isFalse();
    assertThat(SMTP.getReceivedMessages()).hasSize(1);
    assertThat(status(key)).isEqualTo("SENT");
  }

  @Test
  void resendsARowLeftQueuedByACrashWithTheSameMessageId() throws Exception {
    ContactView cy = contact("cy@example.com");
    String key = "email:" + UUID.randomUUID();
    Timestamp longAgo = Timestamp.from(clock.instant().minus(Duration.ofMinutes(10)));
    jdbc.update("insert into email_message (idempotency_key, contact_id, to_address, subject, body, status, "
        + "message_id, created_at) values (?, ?, 'cy@example.com', 'Hello', 'Body', 'QUEUED', "
        + "'<crashed-1@acme.example>', ?)",
        key, cy.id().value(), longAgo);

    sender.send(key, cy.id(), "Hello", "Body");

    assertThat(SMTP.getReceivedMessages()).hasSize(1);
    assertThat(SMTP.getReceivedMessages()[0].getMessageID()).isEqualTo("<crashed-1@acme.example>");
    assertThat(status(key)).isEqualTo("SENT");
  }

  @Test
  void refusesToResendARowThatAnotherAttemptMayStillBeSending() {
    ContactView di = contact("di@example.com");
    String key = "email:" + UUID.randomUUID();
    jdbc.update("insert into email_message (idempotency_key, contact_id, to_address, subject, body, status, "
        + "message_id, created_at) values (?, ?, 'di@example.com', 'Hello', 'Body', 'QUEUED', '<m@acme.example>', ?)",
        key, di.id().value(), Timestamp.from(clock.instant()));

    assertThatThrownBy(() -> sender.send(key, di.id(), "Hello", "Body"))
        .isInstanceOf(EmailSender.SendInFlightException.class);
    assertThat(SMTP.getReceivedMessages()).isEmpty();
  }

  private String status(String key) {
    return jdbc.queryForObject("select status from email_message where idempotency_key = ?", String.class, key);
  }
}
