package io.waymark.platform.consent;

import io.waymark.platform.contact.ContactDetails;
import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactView;
import io.waymark.platform.support.InvalidInputException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The consent API: {@code POST /api/v1/consents} (an opt-in with its evidence), {@code POST
 * /api/v1/consents/revocations}, {@code GET /api/v1/contacts/{phone}/consents} (current state and full history).
 * A consent or revocation for a number Waymark does not know yet creates the contact, so nothing is lost.
 */
@RestController
class ConsentController {

  private final ContactDirectory contacts;
  private final ConsentLedger ledger;
  private final ConsentChanges changes;
  private final Clock clock;

  ConsentController(ContactDirectory contacts, ConsentLedger ledger, ConsentChanges changes, Clock clock) {
    this.contacts = contacts;
    this.ledger = ledger;
    this.changes = changes;
    this.clock = clock;
  }

  @PostMapping("/api/v1/consents")
  @Transactional
  ResponseEntity<ConsentState> optIn(@Valid @RequestBody OptInRequest request) {
    ContactView contact = contact(request.phone(), request.country());
    ConsentSource source = request.source() == null ? ConsentSource.NONE : request.source();
    try {
      return ResponseEntity.status(HttpStatus.CREATED).body(changes.optIn(contact, new OptIn(contact.id(),
          contact.phone(), brand(request.brand()), request.topics(), request.channel(), request.text(),
          request.textVersion(), source, request.sourceRef(),
          request.capturedAt() == null ? clock.instant() : request.capturedAt()),
          "opt-in to " + request.topics() + " by " + request.channel()));
    } catch (InvalidInputException e) {
      throw e.field().equals("occurredAt") ? new InvalidInputException("capturedAt", e.problem()) : e;
    }
  }

  @PostMapping("/api/v1/consents/revocations")
  @Transactional
  ResponseEntity<ConsentState> revoke(@Valid @RequestBody RevocationRequest request) {
    ContactView contact = contact(request.phone(), request.country());
    return ResponseEntity.status(HttpStatus.CREATED).body(changes.revoke(contact, new Revocation(contact.id(),
        contact.phone(), brand(request.brand()), request.topics() == null ? List.of() : request.topics(),
        request.channel(), request.text() == null ? "" : request.text(),
        request.receivedAt() == null ? clock.instant() : request.receivedAt(), request.sourceRef(), null),
        "revocation of " + (request.topics() == null || request.topics().isEmpty() ? "every topic"
            : request.topics().toString()) + " by " + request.channel()));
  }

  @GetMapping("/api/v1/contacts/{phone}/consents")
  ResponseEntity<ConsentState> state(@PathVariable String phone) {
    return contacts.findByPhone(phone).map(ledger::state).map(ResponseEntity::ok)
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  private ContactView contact(String phone, String country) {
    return contacts.upsert(new ContactDetails(phone, country, null, null, null, null, null, null, Map.of()));
  }

  private static String brand(String brand) {
    return brand == null || brand.isBlank() ? ConsentLedger.DEFAULT_BRAND : brand;
  }

  record OptInRequest(@NotBlank String phone, @Size(max = 2) String country, String brand,
      @NotNull @Size(min = 1) List<String> topics, @NotBlank String channel, @NotBlank String text,
      @Size(max = 64) String textVersion, Instant capturedAt, @Valid ConsentSource source,
      @Size(max = 191) String sourceRef) {
  }

  record RevocationRequest(@NotBlank String phone, @Size(max = 2) String country, String brand, List<String> topics,
      @NotBlank String channel, String text, Instant receivedAt, @Size(max = 191) String sourceRef) {
  }
}
