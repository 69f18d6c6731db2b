package io.waymark.platform.messaging;

import io.waymark.platform.contact.PhoneNumbers;
import io.waymark.platform.support.InvalidInputException;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/sandbox}: what the sandbox provider recorded, and replies played from a simulated phone. */
@RestController
@RequestMapping("/api/v1/sandbox")
@ConditionalOnProperty(name = "waymark.sandbox.enabled", havingValue = "true")
class SandboxController {

  private final SmsSandbox sandbox;

  SandboxController(SmsSandbox sandbox) {
    this.sandbox = sandbox;
  }

  @GetMapping("/messages")
  List<SmsSandbox.RecordedMessage> messages(@RequestParam(required = false) String phone,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    if (page < 0) {
      throw new InvalidInputException("page", "must be 0 or more");
    }
    if (size < 1 || size > 500) {
      throw new InvalidInputException("size", "must be between 1 and 500");
    }
    String e164 = null;
    if (phone != null && !phone.isBlank()) {
      e164 = PhoneNumbers.toE164(phone, null);
    }
    return sandbox.recorded(e164, page, size);
  }

  @PostMapping("/replies")
  @ResponseStatus(HttpStatus.ACCEPTED)
  InboundMessages.Received reply(@RequestBody ReplyRequest reply) {
    return sandbox.playReply(reply.from(), reply.body());
  }

  record ReplyRequest(String from, String body) {
  }
}
