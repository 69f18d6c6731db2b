package io.waymark.platform.consent;

import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactView;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/contacts/{phone}/consents/export?format=json|csv}: a contact's whole consent evidence as a
 * download an auditor can read: every ledger line with its disclosure text, source, raw revocation text and times.
 */
@RestController
class ConsentEvidenceController {

  private final ContactDirectory contacts;
  private final ConsentChanges changes;

  ConsentEvidenceController(ContactDirectory contacts, ConsentChanges changes) {
    this.contacts = contacts;
    this.changes = changes;
  }

  @GetMapping("/api/v1/contacts/{phone}/consents/export")
  ResponseEntity<?> export(@PathVariable String phone, @RequestParam(defaultValue = "json") String format) {
    ConsentChanges.checkFormat(format);
    Optional<ContactView> contact = contacts.findByPhone(phone);
    if (contact.isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    ConsentState state = changes.exported(contact.get(), format);
    String file = "consent-evidence-" + contact.get().phone().substring(1) + "." + format;
    HttpHeaders headers = new HttpHeaders();
    headers.setContentDisposition(ContentDisposition.attachment().filename(file).build());
    if (format.equals("json")) {
      return ResponseEntity.ok().headers(headers).contentType(MediaType.APPLICATION_JSON).body(state);
    }
    return ResponseEntity.ok().headers(headers).contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(ConsentChanges.csv(state));
  }
}
