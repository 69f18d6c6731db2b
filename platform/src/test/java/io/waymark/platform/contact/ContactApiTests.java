package io.waymark.platform.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest
@AutoConfigureMockMvc
class ContactApiTests {

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;

  @Test
  void createsAContactWith201AndItsLocation() throws Exception {
    upsert("""
        {"phone": "(415) 555-0140", "country": "US", "firstName": "Maya", "lastName": "Ortiz",
         "email": "maya@example.com", "locale": "en_us", "region": "CA", "lifecycleStage": "Lead",
         "owner": "rep-7", "topics": ["promotions", "order-updates"], "attributes": {"plan": "gold"}}
        """)
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/v1/contacts/%2B14155550140"))
        .andExpect(jsonPath("$.id").isNumber())
        .andExpect(jsonPath("$.phone").value("+14155550140"))
        .andExpect(jsonPath("$.locale").value("en-US"))
        .andExpect(jsonPath("$.timeZone").value("America/Los_Angeles"))
        .andExpect(jsonPath("$.lifecycleStage").value("lead"))
        .andExpect(jsonPath("$.owner").value("rep-7"))
        .andExpect(jsonPath("$.topics", Matchers.contains("order-updates", "promotions")))
        .andExpect(jsonPath("$.attributes.plan").value("gold"));
  }

  @Test
  void updatesAnExistingContactWith200KeepingWhatTheRequestDoesNotMention() throws Exception {
    upsert("""
        {"phone": "+14155550141", "firstName": "Rahul", "email": "rahul@example.com", "topics": ["promotions"],
         "attributes": {"plan": "gold"}}
        """).andExpect(status().isCreated());

    upsert("""
        {"phone": "415.555.0141", "lifecycleStage": "customer", "timeZone": "america/new_york",
         "attributes": {"tier": "2"}}
        """)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.firstName").value("Rahul"))
        .andExpect(jsonPath("$.email").value("rahul@example.com"))
        .andExpect(jsonPath("$.lifecycleStage").value("customer"))
        .andExpect(jsonPath("$.timeZone").value("America/New_York"))
        .andExpect(jsonPath("$.topics", Matchers.contains("promotions")))
        .andExpect(jsonPath("$.attributes.plan").value("gold"))
        .andExpect(jsonPath("$.attributes.tier").value("2"));
    upsert("{\"phone\": \"+14155550141\", \"topics\": []}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.topics").isEmpty());

    assertThat(count("contact where phone = '+14155550141'")).isEqualTo(1);
  }

  @Test
  void findsAContactByItsNumberInAnyFormat() throws Exception {
    upsert("{\"phone\": \"+33 6 12 34 56 90\", \"firstName\": \"Élodie\"}").andExpect(status().isCreated());

    mvc.perform(get(URI.create("/api/v1/contacts/%2B33612345690")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.firstName").value("Élodie"))
        .andExpect(jsonPath("$.timeZone").value("Europe/Paris"));
    mvc.perform(get(URI.create("/api/v1/contacts/06%2012%2034%2056%2090?country=FR")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.phone").value("+33612345690"));
  }

  @Test
  void answers404ForAnUnknownNumberAnd400ForNoNumber() throws Exception {
    mvc.perform(get(URI.create("/api/v1/contacts/%2B14155550199"))).andExpect(status().isNotFound());
    mvc.perform(get(URI.create("/api/v1/contacts/12345")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("phone"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      no phone          | {"firstName": "A"}                                                     | phone
      unparseable phone | {"phone": "phone"}                                                     | phone
      invalid number    | {"phone": "12345"}                                                     | phone
      unknown country   | {"phone": "4155550150", "country": "XX"}                               | country
      bad email         | {"phone": "+14155550150", "email": "luis@@example"}                    | email
      bad time zone     | {"phone": "+14155550150", "timeZone": "Mars/Olympus"}                  | timeZone
      offset time zone  | {"phone": "+14155550150", "timeZone": "+02:00"}                        | timeZone
      bad stage         | {"phone": "+14155550150", "lifecycleStage": "hot"}                     | lifecycleStage
      bad topic         | {"phone": "+14155550150", "topics": ["promotions", "Big Deals"]}       | topics
      bad locale        | {"phone": "+14155550150", "locale": "english please"}                  | locale
      long first name   | {"phone": "+14155550150", "firstName": "%s"}                           | firstName
      long owner        | {"phone": "+14155550150", "owner": "%s"}                               | owner
      unknown property  | {"phone": "+14155550150", "timezone": "America/Chicago"}               | timezone
      wrong type        | {"phone": "+14155550150", "topics": {"a": 1}}                          | topics
      not json          | {"phone":                                                              | body
      """)
  void rejectsBadInputNamingTheFieldAndStoresNothing(String label, String body, String field) throws Exception {
    upsert(body.replace("%s", "x".repeat(101)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value(field))
        .andExpect(jsonPath("$.errors[0].message").isNotEmpty());

    assertThat(count("contact where phone = '+14155550150'")).isZero();
  }

  private ResultActions upsert(String json) throws Exception {
    return mvc.perform(post("/api/v1/contacts").contentType(MediaType.APPLICATION_JSON).content(json));
  }

  private int count(String fromWhere) {
    return jdbc.queryForObject("select count(*) from " + fromWhere, Integer.class);
  }
}
