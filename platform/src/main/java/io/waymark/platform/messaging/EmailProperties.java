package io.waymark.platform.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code waymark.email.*}.
 *
 * @param transport {@code outbox} (default: the {@code email_message} table is the outbox, nothing leaves) or
 *     {@code smtp} (Spring Mail, configured by {@code spring.mail.*})
 * @param from the sender address of every email
 */
@ConfigurationProperties("waymark.email")
record EmailProperties(@DefaultValue("outbox") Transport transport, @DefaultValue("waymark@localhost") String from) {

  enum Transport { OUTBOX, SMTP }

  EmailProperties {
    if (from.isBlank() || !from.contains("@")) {
      throw new IllegalArgumentException("waymark.email.from must be an email address, was '" + from + "'");
    }
  }

  /** The domain of {@link #from}, for Message-IDs. */
  String fromDomain() {
    return from.substring(from.lastIndexOf('@') + 1).replace(">", "").strip();
  }
}
