package io.waymark.platform.messaging;

import io.waymark.platform.support.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's webhooks (form-encoded, Twilio's parameter names): {@code /webhooks/twilio/inbound} for inbound SMS and
 * {@code /webhooks/twilio/status} for delivery receipts. The signature is checked before anything else: missing or
 * wrong gets 403 and changes nothing; with no auth token configured both answer 404. Both answer at once: what
 * follows an inbound message (journey correlation, compliance answers) is queued in the event publication registry.
 */
@RestController
@RequestMapping("/webhooks/twilio")
class TwilioWebhooks {

  static final String PROVIDER = "twilio";
  static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

  private final TwilioWebhookVerifier verifier;
  private final InboundMessages inbound;
  private final DeliveryReceipts receipts;

  TwilioWebhooks(TwilioWebhookVerifier verifier, InboundMessages inbound, DeliveryReceipts receipts) {
    this.verifier = verifier;
    this.inbound = inbound;
    this.receipts = receipts;
  }

  @PostMapping("/inbound")
  ResponseEntity<String> inbound(HttpServletRequest request) {
    if (!verifier.enabled() || !verifier.verify(request)) {
      return refusal();
    }
    String sid = required(request, "MessageSid", 64);
    String from = required(request, "From", 64);
    String body = request.getParameter("Body");
    String to = optional(request, "To", 32);
    inbound.receive(PROVIDER, sid, validated(from, body), to, body);
    return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(EMPTY_TWIML);
  }

  @PostMapping("/status")
  ResponseEntity<String> status(HttpServletRequest request) {
    if (!verifier.enabled() || !verifier.verify(request)) {
      return refusal();
    }
    String sid = required(request, "MessageSid", 64);
    String status = required(request, "MessageStatus", 32).toLowerCase(Locale.ROOT);
    String errorCode = optional(request, "ErrorCode", 16);
    try {
      receipts.record(new DeliveryReceipts.Report(PROVIDER, sid, status, TwilioStatuses.toLedger(status).orElse(null),
          errorCode, DeliveryReceipt.Source.CALLBACK));
    } catch (DataIntegrityViolationException concurrentDuplicate) {
      // the same receipt was stored by a concurrent delivery of this callback: nothing more to do
    }
    return ResponseEntity.ok().build();
  }

  private ResponseEntity<String> refusal() {
    HttpStatus status = verifier.enabled() ? HttpStatus.FORBIDDEN : HttpStatus.NOT_FOUND;
    return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN)
        .body(verifier.enabled() ? "invalid " + TwilioWebhookVerifier.HEADER : "Twilio webhooks are not configured");
  }

  private static String required(HttpServletRequest request, String name, int maxLength) {
    String value = optional(request, name, maxLength);
    if (value == null) {
      throw new InvalidInputException(name, "is required");
    }
    return value;
  }

  private static String optional(HttpServletRequest request, String name, int maxLength) {
    String value = request.getParameter(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > maxLength) {
      throw new InvalidInputException(name, "is longer than " + maxLength + " characters");
    }
    return value;
  }

  /** The E.164 sender, or a 400 naming Twilio's parameter ({@code From}, {@code Body}: missing, too long). */
  private String validated(String from, String body) {
    try {
      return inbound.validate(from, body);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(e.field().equals("from") ? "From" : "Body", e.problem());
    }
  }
}
