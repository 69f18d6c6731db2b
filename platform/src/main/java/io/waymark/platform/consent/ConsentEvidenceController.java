package io.waymark.platform.consent;

import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactView;
import io.waymark.platform.governance.AuditLog;
import io.waymark.platform.support.InvalidInputException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
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

  private static final String[] COLUMNS = {"line", "kind", "topic", "brand", "channel", "occurred_at", "received_at",
      "processed_at", "disclosure_text", "disclosure_version", "raw_text", "confirmation_text", "source_ref",
      "source_url", "source_ip", "user_agent", "keyword_message_id", "agent_id"};

  private final ContactDirectory contacts;
  private final ConsentLedger ledger;
  private final AuditLog audit;

  ConsentEvidenceController(ContactDirectory contacts, ConsentLedger ledger, AuditLog audit) {
    this.contacts = contacts;
    this.ledger = ledger;
    this.audit = audit;
  }

  @GetMapping("/api/v1/contacts/{phone}/consents/export")
  ResponseEntity<?> export(@PathVariable String phone, @RequestParam(defaultValue = "json") String format) {
    if (!format.equals("json") && !format.equals("csv")) {
      throw new InvalidInputException("format", "'" + format + "' is not one of [json, csv]");
    }
    Optional<ContactView> contact = contacts.findByPhone(phone);
    if (contact.isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    ConsentState state = ledger.state(contact.get());
    audit.record(AuditLog.Entry.of("consent.evidence.exported", "contact", String.valueOf(contact.get().id().value()))
        .detail("consent evidence exported as " + format + " (" + state.history().size() + " ledger lines)"));
    String file = "consent-evidence-" + contact.get().phone().substring(1) + "." + format;
    HttpHeaders headers = new HttpHeaders();
    headers.setContentDisposition(ContentDisposition.attachment().filename(file).build());
    if (format.equals("json")) {
      return ResponseEntity.ok().headers(headers).contentType(MediaType.APPLICATION_JSON).body(state);
    }
    return ResponseEntity.ok().headers(headers).contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(csv(state));
  }

  private static String csv(ConsentState state) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(COLUMNS).get().print(out)) {
      for (ConsentEntry e : state.history()) {
        printer.printRecord(e.id(), e.kind(), e.topic(), e.brand(), e.channel(), e.occurredAt(), e.receivedAt(),
            e.processedAt(), e.disclosureText(), e.disclosureVersion(), e.rawText(), e.confirmationText(),
            e.sourceRef(), e.source().url(), e.source().ip(), e.source().userAgent(), e.source().keywordMessageId(),
            e.source().agentId());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
