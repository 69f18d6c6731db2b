package io.waymark.platform.messaging;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.waymark.platform.consent.ConsentLedger;
import io.waymark.platform.consent.OptIn;
import io.waymark.platform.consent.Revocation;
import io.waymark.platform.contact.ContactDetails;
import io.waymark.platform.contact.ContactDirectory;
import io.waymark.platform.contact.ContactView;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/** {@code GET /api/v1/messages/{id}/why}: the consent line and the policy verdict each message rested on. */
@SpringBootTest
@AutoConfigureMockMvc
class MessageWhyTests {

  @Autowired MockMvc mvc;
  @Autowired SmsSender sender;
  @Autowired ContactDirectory contacts;
  @Autowired ConsentLedger ledger;
  @Autowired Clock clock;

  private ContactView optedIn(String phone) {
    ContactView contact = contacts.upsert(new ContactDetails(phone, "US", "Ana", null, null, null, "WA", null,
        Map.of()));
    ledger.recordOptIn(new OptIn(contact.id(), contact.phone(), List.of("promotions"), "web-form",
        "Yes, text me offers. Reply STOP to cancel.", "why-test", clock.instant().minusSeconds(60)));
    return contact;
  }

  private SmsOutcome send(ContactView contact) {
    return sender.send(new SmsRequest("why:" + UUID.randomUUID(), contact.id(), "promotions", "promotional",
        "Spring sale today", null, null, null, "acme", "spring-sale.first", 3));
  }

  @Test
  void explainsASendByTheOptInAndTheVerdictItRestedOn() throws Exception {
    ContactView contact = optedIn("+12065550190");
    long optIn = ledger.state(contact).topics().get("promotions").recordId();

    SmsOutcome outcome = send(contact);

    mvc.perform(get("/api/v1/messages/{id}/why", outcome.messageId()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.message.phone").value(startsWith("+1206")))
        .andExpect(jsonPath("$.message.phone").value(org.hamcrest.Matchers.not("+12065550190")))
        .andExpect(jsonPath("$.message.templateKey").value("spring-sale.first"))
        .andExpect(jsonPath("$.message.templateVersion").value(3))
        .andExpect(jsonPath("$.message.brand").value("acme"))
        .andExpect(jsonPath("$.journey").doesNotExist())
        .andExpect(jsonPath("$.consent.id").value(optIn))
        .andExpect(jsonPath("$.consent.kind").value("OPT_IN"))
        .andExpect(jsonPath("$.consent.disclosureText").value("Yes, text me offers. Reply STOP to cancel."))
        .andExpect(jsonPath("$.policy.verdict").value("SEND"))
        .andExpect(jsonPath("$.summary").value(containsString("outside any journey from template spring-sale.first v3")))
        .andExpect(jsonPath("$.summary").value(containsString("opt-in for promotions")))
        .andExpect(jsonPath("$.summary").value(containsString("The send policy said SEND")));
  }

  @Test
  void explainsASuppressionByTheOptOutThatCausedIt() throws Exception {
    ContactView contact = optedIn("+12065550191");
    ledger.recordRevocation(new Revocation(contact.id(), contact.phone(), "default", List.of("promotions"), "email",
        "stop the offers", clock.instant(), "why-revocation", null));
    long optOut = ledger.state(contact).topics().get("promotions").recordId();

    SmsOutcome outcome = send(contact);

    mvc.perform(get("/api/v1/messages/{id}/why", outcome.messageId()))
        .andExpect(jsonPath("$.message.status").value("SUPPRESSED"))
        .andExpect(jsonPath("$.consent.id").value(optOut))
        .andExpect(jsonPath("$.consent.rawText").value("stop the offers"))
        .andExpect(jsonPath("$.policy.verdict").value("SUPPRESS"))
        .andExpect(jsonPath("$.policy.reason").value("OPTED_OUT"));
  }

  @Test
  void saysAComplianceAnswerNeedsNoConsentAndAnswersNotFoundForUnknownIds() throws Exception {
    ContactView contact = optedIn("+12065550192");
    SmsOutcome answer = sender.sendComplianceAnswer("why:help:" + UUID.randomUUID(), contact.id(),
        "Acme: reply STOP to cancel.");

    mvc.perform(get("/api/v1/messages/{id}/why", answer.messageId()))
        .andExpect(jsonPath("$.consent").doesNotExist())
        .andExpect(jsonPath("$.policy").doesNotExist())
        .andExpect(jsonPath("$.summary").value(startsWith("A compliance answer")));
    mvc.perform(get("/api/v1/messages/{id}/why", 987_654_321L)).andExpect(status().isNotFound());
  }
}
