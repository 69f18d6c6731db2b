package io.waymark.platform.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.waymark.platform.contact.ContactDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
class ConsentApiTests {

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired ConsentLedger ledger;
  @Autowired ContactDirectory contacts;

  private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
    return request.contentType(MediaType.APPLICATION_JSON).content(body);
  }

  @Test
  void recordsAnOptInWithItsEvidenceAndARevocationWithItsRawText() throws Exception {
    mvc.perform(json(post("/api/v1/consents"), """
            {"phone": "+1 (646) 555-0101", "brand": "acme", "topics": ["promotions", "order-updates"],
             "channel": "web-form", "text": "Yes, text me offers. Reply STOP to cancel.", "textVersion": "v3",
             "capturedAt": "2026-03-02T18:00:00-08:00",
             "source": {"url": "https://shop.example/signup", "ip": "203.0.113.7", "userAgent": "Mozilla/5.0"}}
            """))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.phone").value("+16465550101"))
        .andExpect(jsonPath("$.topics.promotions.status").value("OPTED_IN"))
        .andExpect(jsonPath("$.history[0].occurredAt").value("2026-03-03T02:00:00Z"))
        .andExpect(jsonPath("$.history[0].source.ip").value("203.0.113.7"))
        .andExpect(jsonPath("$.history[0].disclosureVersion").value("v3"));

    mvc.perform(json(post("/api/v1/consents/revocations"), """
            {"phone": "+16465550101", "brand": "acme", "topics": ["promotions"], "channel": "email",
             "text": "please stop the promo texts"}
            """))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.topics.promotions.status").value("OPTED_OUT"))
        .andExpect(jsonPath("$.topics['order-updates'].status").value("OPTED_IN"))
        .andExpect(jsonPath("$.history[2].rawText").value("please stop the promo texts"));

    mvc.perform(get("/api/v1/contacts/{phone}/consents", "+16465550101"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.history.length()").value(3));
  }

  @Test
  void aRevocationOfEveryTopicWinsOverEveryEarlierOptIn() throws Exception {
    mvc.perform(json(post("/api/v1/consents"), """
            {"phone": "+16465550102", "topics": ["promotions", "alerts"], "channel": "checkout", "text": "Yes"}
            """)).andExpect(status().isCreated());
    mvc.perform(json(post("/api/v1/consents/revocations"), """
            {"phone": "+16465550102", "channel": "sms", "text": "STOP"}
            """))
        .andExpect(jsonPath("$.topics.promotions.status").value("OPTED_OUT"))
        .andExpect(jsonPath("$.topics.alerts.status").value("OPTED_OUT"));

    var contact = contacts.findByPhone("+16465550102").orElseThrow();
    assertThat(ledger.permits(contact, "alerts").reason()).isEqualTo("OPTED_OUT");
    assertThat(ledger.permits(contact, "promotions").allowed()).isFalse();
  }

  @Test
  void theSuppressionListWinsOverAnOptInUntilLifted() throws Exception {
    mvc.perform(json(post("/api/v1/consents"), """
            {"phone": "+16465550103", "topics": ["promotions"], "channel": "web-form", "text": "Yes"}
            """)).andExpect(status().isCreated());
    var contact = contacts.findByPhone("+16465550103").orElseThrow();
    assertThat(ledger.permits(contact, "promotions").allowed()).isTrue();

    mvc.perform(json(post("/api/v1/suppressions"), """
            {"phone": "+16465550103", "reason": "litigator list"}
            """)).andExpect(status().isCreated());
    assertThat(ledger.permits(contact, "promotions").reason()).isEqualTo("SUPPRESSED");

    mvc.perform(delete("/api/v1/suppressions/{phone}", "+16465550103")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("reason"));
    mvc.perform(delete("/api/v1/suppressions/{phone}", "+16465550103").param("reason", "removed from list"))
        .andExpect(status().isNoContent());
    assertThat(ledger.permits(contact, "promotions").allowed()).isTrue();
    mvc.perform(get("/api/v1/suppressions/{phone}", "+16465550103"))
        .andExpect(jsonPath("$[0].liftedReason").value("removed from list"));
  }

  @Test
  void exportsTheEvidenceAsJsonAndCsv() throws Exception {
    mvc.perform(json(post("/api/v1/consents"), """
            {"phone": "+16465550104", "topics": ["promotions"], "channel": "agent",
             "text": "Agent read script v3, customer agreed, \\"yes\\"", "source": {"agentId": "agent-17"}}
            """)).andExpect(status().isCreated());

    mvc.perform(get("/api/v1/contacts/{phone}/consents/export", "+16465550104").param("format", "csv"))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Disposition", containsString("consent-evidence-16465550104.csv")))
        .andExpect(content().string(containsString("line,kind,topic,brand,channel")))
        .andExpect(content().string(containsString("\"Agent read script v3, customer agreed, \"\"yes\"\"\"")))
        .andExpect(content().string(containsString("agent-17")));
    mvc.perform(get("/api/v1/contacts/{phone}/consents/export", "+16465550104"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.history[0].source.agentId").value("agent-17"));
    mvc.perform(get("/api/v1/contacts/{phone}/consents/export", "+16465550104").param("format", "xml"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("format"));
    mvc.perform(get("/api/v1/contacts/{phone}/consents", "+16465550199")).andExpect(status().isNotFound());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      no phone       | /api/v1/consents             | {"topics":["promotions"],"channel":"web-form","text":"Yes"}                                   | phone
      bad phone      | /api/v1/consents             | {"phone":"12345","topics":["promotions"],"channel":"web-form","text":"Yes"}                   | phone
      no topics      | /api/v1/consents             | {"phone":"+16465550110","topics":[],"channel":"web-form","text":"Yes"}                        | topics
      bad topic      | /api/v1/consents             | {"phone":"+16465550110","topics":["Promo Deals"],"channel":"web-form","text":"Yes"}           | topics
      bad channel    | /api/v1/consents             | {"phone":"+16465550110","topics":["promotions"],"channel":"fax","text":"Yes"}                 | channel
      no text        | /api/v1/consents             | {"phone":"+16465550110","topics":["promotions"],"channel":"web-form"}                         | text
      bad brand      | /api/v1/consents             | {"phone":"+16465550110","brand":"Acme Inc","topics":["promotions"],"channel":"web-form","text":"Yes"} | brand
      future         | /api/v1/consents             | {"phone":"+16465550110","topics":["promotions"],"channel":"web-form","text":"Yes","capturedAt":"2099-01-01T00:00:00Z"} | capturedAt
      bad revocation | /api/v1/consents/revocations | {"phone":"+16465550110","channel":"carrier pigeon","text":"stop"}                             | channel
      no reason      | /api/v1/suppressions         | {"phone":"+16465550110"}                                                                      | reason
      """)
  void rejectsBadInputNamingTheFieldAndStoresNothing(String label, String path, String body, String field)
      throws Exception {
    mvc.perform(json(post(path), body))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value(field));
    assertThat(jdbc.queryForObject("select count(*) from contact where phone = '+16465550110'", Integer.class))
        .isZero();
  }
}
