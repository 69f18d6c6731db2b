package io.waymark.platform.consent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactId;
import io.waymark.platform.contact.ContactView;
import io.waymark.platform.governance.AuditLog;
import io.waymark.platform.support.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consent changes and evidence exports made by people and machine clients, each written to the {@link AuditLog} once,
 * in the transaction of the change: the REST API ({@code ConsentController}, {@code ConsentEvidenceController}) and
 * the UI share the same audited steps. Methods for signed-in people are guarded by role (COMPLIANCE, OPS, ADMIN); the
 * package-private ones serve the REST API, whose machine clients are not signed in. Replies by SMS (STOP, START) are
 * recorded by {@code ReplyHandling} on the ledger directly and stay unaudited: they are the contact's own action.
 */
@Service
public class ConsentChanges {

  static final String[] CSV_COLUMNS = {"line", "kind", "topic", "brand", "channel", "occurred_at", "received_at",
      "processed_at", "disclosure_text", "disclosure_version", "raw_text", "confirmation_text", "source_ref",
      "source_url", "source_ip", "user_agent", "keyword_message_id", "agent_id"};

  private static final int MAX_REASON = 500;

  private final ContactDirectory contacts;
  private final ConsentLedger ledger;
  private final AuditLog audit;
  private final ObjectMapper json;
  private final Clock clock;

  ConsentChanges(ContactDirectory contacts, ConsentLedger ledger, AuditLog audit, ObjectMapper json, Clock clock) {
    this.contacts = contacts;
    this.ledger = ledger;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
  }

  /**
   * A manual opt-out by the signed-in person (channel {@code agent}, the reason kept as the line's raw text, the
   * person as {@code sourceRef} {@code agent:<username>}): for {@code topics}, or every topic when empty. Running
   * journeys of the contact stop as for any revocation. Audited as {@code consent.revoked}. A blank reason is an
   * {@link InvalidInputException} on {@code reason}; an unknown contact on {@code contact}.
   */
  @Transactional
  @RolesAllowed({"COMPLIANCE", "OPS", "ADMIN"})
  public ConsentState optOut(ContactId contactId, List<String> topics, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException("reason", "is required: say why the contact is opted out");
    }
    if (reason.strip().length() > MAX_REASON) {
      throw new InvalidInputException("reason", "is longer than " + MAX_REASON + " characters");
    }
    ContactView contact = contacts.find(contactId)
        .orElseThrow(() -> new InvalidInputException("contact", "no contact has id " + contactId.value()));
    List<String> chosen = topics == null ? List.of() : topics;
    String actor = audit.actorName();
    return revoke(contact, new Revocation(contact.id(), contact.phone(), ConsentLedger.DEFAULT_BRAND, chosen, "agent",
        reason.strip(), clock.instant(), "agent:" + actor, null),
        "manual opt-out of " + (chosen.isEmpty() ? "every topic" : chosen.toString()) + " by " + actor + ": "
            + reason.strip());
  }

  /**
   * The contact's consent evidence as a file for the signed-in person: {@code csv} or {@code json} (else an
   * {@link InvalidInputException} on {@code format}). Audited as {@code consent.evidence.exported}.
   */
  @Transactional
  @RolesAllowed({"COMPLIANCE", "OPS", "ADMIN"})
  public EvidenceFile exportEvidence(ContactId contactId, String format) {
    checkFormat(format);
    ContactView contact = contacts.find(contactId)
        .orElseThrow(() -> new InvalidInputException("contact", "no contact has id " + contactId.value()));
    ConsentState state = exported(contact, format);
    String file = "consent-evidence-" + contact.phone().substring(1) + "." + format;
    if (format.equals("csv")) {
      return new EvidenceFile(file, "text/csv", csv(state).getBytes(StandardCharsets.UTF_8));
    }
    try {
      return new EvidenceFile(file, "application/json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(state));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("consent evidence cannot be written as JSON", e);
    }
  }

  /** A download: its file name, media type and content. */
  public record EvidenceFile(String fileName, String contentType, byte[] content) {
  }

  /** Appends the opt-in and audits it as {@code consent.opted-in} (topic states before and after). */
  @Transactional
  ConsentState optIn(ContactView contact, OptIn optIn, String detail) {
    Map<String, ConsentState.TopicState> before = ledger.state(contact).topics();
    ledger.recordOptIn(optIn);
    return audited("consent.opted-in", contact, before, detail);
  }

  /** Appends the revocation and audits it as {@code consent.revoked} (topic states before and after). */
  @Transactional
  ConsentState revoke(ContactView contact, Revocation revocation, String detail) {
    Map<String, ConsentState.TopicState> before = ledger.state(contact).topics();
    ledger.recordRevocation(revocation);
    return audited("consent.revoked", contact, before, detail);
  }

  /** The contact's whole consent state, audited as exported in {@code format}. */
  @Transactional
  ConsentState exported(ContactView contact, String format) {
    ConsentState state = ledger.state(contact);
    audit.record(AuditLog.Entry.of("consent.evidence.exported", "contact", String.valueOf(contact.id().value()))
        .detail("consent evidence exported as " + format + " (" + state.history().size() + " ledger lines)"));
    return state;
  }

  static void checkFormat(String format) {
    if (!"json".equals(format) && !"csv".equals(format)) {
      throw new InvalidInputException("format", "'" + format + "' is not one of [json, csv]");
    }
  }

  /** Every ledger line as RFC 4180 CSV with a header row ({@link #CSV_COLUMNS}). */
  static String csv(ConsentState state) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(CSV_COLUMNS).get().print(out)) {
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

  private ConsentState audited(String action, ContactView contact, Map<String, ConsentState.TopicState> before,
      String detail) {
    ConsentState after = ledger.state(contact);
    audit.record(AuditLog.Entry.of(action, "contact", String.valueOf(contact.id().value())).before(before)
        .after(after.topics()).detail(detail));
    return after;
  }
}
