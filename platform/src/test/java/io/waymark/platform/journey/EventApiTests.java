package io.waymark.platform.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(properties = "waymark.api-keys=test-key")
@AutoConfigureMockMvc
class EventApiTests {

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;

  private static final String VALID = """
      {"eventId": "%s", "type": "lead.created",
       "contact": {"phone": "%s", "firstName": "Maya", "email": "maya@example.com"},
       "consent": {"topics": ["promotions"], "channel": "web-form", "text": "Yes, text me. Reply STOP to cancel."}}
      """;

  @Test
  void acceptsALeadOnceAndRecordsContactConsentAndRun() throws Exception {
    String body = VALID.formatted("form-1", "+1 (415) 555-0170");

    mvc.perform(post("/api/v1/events").header("X-Api-Key", "test-key").contentType(MediaType.APPLICATION_JSON)
            .content(body))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.journey").value("lead-follow-up"))
        .andExpect(jsonPath("$.duplicate").value(false));
    mvc.perform(post("/api/v1/events").header("X-Api-Key", "test-key").contentType(MediaType.APPLICATION_JSON)
            .content(body))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.duplicate").value(true));

    assertThat(count("journey_run where event_id = 'form-1'")).isEqualTo(1);
    assertThat(count("contact where phone = '+14155550170'")).isEqualTo(1);
    assertThat(count("consent_record where phone = '+14155550170'")).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      no phone           | {"eventId":"bad-1","type":"lead.created","contact":{"firstName":"A"}}                                 | contact.phone
      unparseable phone  | {"eventId":"bad-2","type":"lead.created","contact":{"phone":"phone"}}                                | contact.phone
      invalid number     | {"eventId":"bad-3","type":"lead.created","contact":{"phone":"12345"}}                                | contact.phone
      no contact         | {"eventId":"bad-4","type":"lead.created"}                                                            | contact
      no event id        | {"type":"lead.created","contact":{"phone":"+14155550171"}}                                           | eventId
      unknown type       | {"eventId":"bad-5","type":"lead.vanished","contact":{"phone":"+14155550171"}}                        | type
      bad email          | {"eventId":"bad-6","type":"lead.created","contact":{"phone":"+14155550171","email":"a@@b"}}          | contact.email
      bad time zone      | {"eventId":"bad-7","type":"lead.created","contact":{"phone":"+14155550171","timeZone":"Mars/Olympus"}} | contact.timeZone
      bad channel        | {"eventId":"bad-8","type":"lead.created","contact":{"phone":"+14155550171"},"consent":{"topics":["promotions"],"channel":"fax","text":"Yes"}} | consent.channel
      no consent text    | {"eventId":"bad-9","type":"lead.created","contact":{"phone":"+14155550171"},"consent":{"topics":["promotions"],"channel":"web-form"}} | consent.text
      future consent     | {"eventId":"bad-10","type":"lead.created","contact":{"phone":"+14155550171"},"consent":{"topics":["promotions"],"channel":"web-form","text":"Yes","capturedAt":"2099-01-01T00:00:00Z"}} | consent.capturedAt
      wrong type         | {"eventId":"bad-11","type":"lead.created","contact":{"phone":"+14155550171"},"occurredAt":"yesterday"} | occurredAt
      not json           | {"eventId":                                                                                           | body
      """)
  void rejectsBadInputNamingTheFieldAndStoresNothing(String label, String body, String field) throws Exception {
    mvc.perform(post("/api/v1/events").header("X-Api-Key", "test-key").contentType(MediaType.APPLICATION_JSON)
            .content(body))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value(field));

    assertThat(count("journey_run where event_id like 'bad-%'")).isZero();
    assertThat(count("contact where phone = '+14155550171'")).isZero();
    assertThat(count("consent_record where phone = '+14155550171'")).isZero();
  }

  @Test
  void refusesCallersWithoutTheApiKey() throws Exception {
    mvc.perform(post("/api/v1/events").contentType(MediaType.APPLICATION_JSON)
            .content(VALID.formatted("form-2", "+14155550172")))
        .andExpect(status().isUnauthorized());
    mvc.perform(post("/api/v1/events").header("X-Api-Key", "wrong").contentType(MediaType.APPLICATION_JSON)
            .content(VALID.formatted("form-2", "+14155550172")))
        .andExpect(status().isUnauthorized());
    assertThat(count("journey_run where event_id = 'form-2'")).isZero();
  }

  private int count(String fromWhere) {
    return jdbc.queryForObject("select count(*) from " + fromWhere, Integer.class);
  }
}
