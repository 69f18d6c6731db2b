package io.waymark.platform.messaging;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Email over SMTP through Spring Mail ({@code spring.mail.*}). The Message-ID header is the one derived from the
 * idempotency key (JavaMail would otherwise make up a new one on every attempt), so that a resend after a crash
 * between the SMTP call and marking the row sent is recognisable as the same email.
 */
class SmtpEmailTransport implements EmailTransport {

  static final String SENT = "SENT";

  private final JavaMailSender mail;
  private final Session session = Session.getInstance(new Properties());

  SmtpEmailTransport(JavaMailSender mail) {
    this.mail = mail;
  }

  @Override
  public String deliver(OutgoingEmail email) {
    MimeMessage message = new KeyedMimeMessage(session, email.messageId());
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
      helper.setFrom(email.from());
      helper.setTo(email.to());
      helper.setSubject(email.subject());
      helper.setText(email.body());
    } catch (MessagingException e) {
      throw new MailPreparationException(e);
    }
    mail.send(message);
    return SENT;
  }

  /** A message whose Message-ID stays the one given. */
  private static final class KeyedMimeMessage extends MimeMessage {
    private final String messageId;

    KeyedMimeMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
