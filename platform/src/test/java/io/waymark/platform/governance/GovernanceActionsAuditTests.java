package io.waymark.platform.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.waymark.platform.contact.ContactImports;
import io.waymark.platform.journey.JourneyCatalog;
import io.waymark.platform.template.Channel;
import io.waymark.platform.template.MessageTemplates;
import io.waymark.platform.template.NewTemplate;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The governance actions that exist today write the audit log, by whoever acts: journey pause and resume, template
 * approval and retirement, consent changes and suppressions made through the API, consent evidence exports, contact
 * imports. (Campaign approval decisions: {@code ApprovalTests}.)
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(ActingAs.class)
class GovernanceActionsAuditTests {

  @Autowired AuditLog audit;
  @Autowired JourneyCatalog catalog;
  @Autowired MessageTemplates templates;
  @Autowired ContactImports imports;
  @Autowired MockMvc mvc;

  private List<AuditEntryView> entries(String subjectType, String subjectId) {
    return audit.find(AuditQuery.all().bySubject(subjectType, subjectId), 0, 20).getContent();
  }

  @Test
  void auditsJourneyPauseAndResumeWithBeforeAndAfter() {
    String journey = "audit-" + UUID.randomUUID().toString().substring(0, 8);
    catalog.recordDeployment(new JourneyCatalog.Deployed(journey, "Audited", 1, System.nanoTime(), journey + ".bpmn"));

    ActingAs.run("olga", () -> {
      catalog.pause(journey, "olga");
      catalog.resume(journey);
    });

    List<AuditEntryView> entries = entries("journey", journey);
    assertThat(entries).extracting(AuditEntryView::action).containsExactly("journey.resumed", "journey.paused");
    assertThat(entries).extracting(AuditEntryView::actor).containsOnly("olga");
    assertThat(entries.getFirst().before()).isEqualTo("{\"paused\":true}");
    assertThat(entries.getFirst().after()).isEqualTo("{\"paused\":false}");
    assertThat(entries.getLast().before()).isEqualTo("{\"paused\":false}");
    assertThat(entries.getLast().after()).contains("\"paused\":true", "\"by\":\"olga\"");
  }

  @Test
  void auditsTemplateApprovalAndRetirement() {
    String key = "audit-" + UUID.randomUUID().toString().substring(0, 8);
    templates.create(new NewTemplate(key, null, Channel.SMS, "transactional", null, null,
        "Your order has shipped.", null, null));

    ActingAs.run("anna", () -> {
      templates.approve(key, 1, "anna");
      templates.retire(key, 1, "anna");
    });

    List<AuditEntryView> entries = entries("template", key + ":v1");
    assertThat(entries).extracting(AuditEntryView::action).containsExactly("template.retired", "template.approved");
    assertThat(entries).extracting(AuditEntryView::actor).containsOnly("anna");
    assertThat(entries.getLast().before()).isEqualTo("{\"status\":\"DRAFT\"}");
    assertThat(entries.getLast().after()).contains("\"status\":\"APPROVED\"", "Your order has shipped.");
    assertThat(entries.getFirst().after()).contains("\"status\":\"RETIRED\"");
  }

  @Test
  void auditsConsentChangesSuppressionsAndExportsMadeThroughTheApi() throws Exception {
    String phone = "+1646555" + String.format("%04d", (int) (Math.random() * 10_000));
    String found = mvc.perform(post("/api/v1/consents").contentType(MediaType.APPLICATION_JSON).content("""
            {"phone": "%s", "topics": ["promotions"], "channel": "web-form", "text": "Yes"}
            """.formatted(phone))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    String contactId = found.replaceAll("(?s).*\"contactId\":(\\d+).*", "$1");
    mvc.perform(post("/api/v1/consents/revocations").contentType(MediaType.APPLICATION_JSON).content("""
            {"phone": "%s", "topics": ["promotions"], "channel": "email", "text": "no more promos"}
            """.formatted(phone))).andExpect(status().isCreated());
    mvc.perform(get("/api/v1/contacts/{phone}/consents/export", phone)).andExpect(status().isOk());

    List<AuditEntryView> consent = entries("contact", contactId);
    assertThat(consent).extracting(AuditEntryView::action)
        .containsExactly("consent.evidence.exported", "consent.revoked", "consent.opted-in");
    assertThat(consent.get(1).before()).contains("\"promotions\":{\"status\":\"OPTED_IN\"");
    assertThat(consent.get(1).after()).contains("\"promotions\":{\"status\":\"OPTED_OUT\"");
    assertThat(consent.get(2).before()).isEqualTo("{}");

    mvc.perform(post("/api/v1/suppressions").contentType(MediaType.APPLICATION_JSON).content("""
            {"phone": "%s", "reason": "litigator"}
            """.formatted(phone))).andExpect(status().isCreated());
    mvc.perform(delete("/api/v1/suppressions/{phone}", phone).param("reason", "cleared by legal"))
        .andExpect(status().isNoContent());
    assertThat(entries("phone", phone)).extracting(AuditEntryView::action)
        .containsExactly("consent.suppression.lifted", "consent.suppressed");
  }

  @Test
  void auditsContactImports() {
    String phone = "+1415555" + String.format("%04d", (int) (Math.random() * 10_000));
    long before = audit.find(AuditQuery.all().byAction("contact.imported").byActor("ivan"), 0, 1).getTotalElements();

    ActingAs.run("ivan", () -> imports.importNow(new ByteArrayInputStream(("phone,first_name\n" + phone + ",Ivy\n")
        .getBytes(StandardCharsets.UTF_8))));

    List<AuditEntryView> imported = audit.find(AuditQuery.all().byAction("contact.imported").byActor("ivan"), 0, 5)
        .getContent();
    assertThat(imported).hasSize((int) before + 1);
    assertThat(imported.getFirst().after()).contains("\"rows\":1");
  }
}
