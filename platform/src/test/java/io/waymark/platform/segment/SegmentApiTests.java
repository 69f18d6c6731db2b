package io.waymark.platform.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.waymark.platform.contact.ContactView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest(properties = "waymark.test.database=segments")
@AutoConfigureMockMvc
@Import(SegmentFixtures.class)
class SegmentApiTests {

  private static final String CALIFORNIA_LEADS = """
      {"name": "California leads", "description": "Leads in CA who want deals",
       "rule": {"all": [{"field": "lifecycleStage", "op": "in", "values": ["lead", "prospect"]},
                        {"field": "region", "op": "eq", "value": "US-CA"},
                        {"topic": "promotions"}]}}""";

  @Autowired MockMvc mvc;
  @Autowired SegmentFixtures fixtures;

  @BeforeEach
  void emptyDatabase() {
    fixtures.emptyDatabase();
  }

  private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
    return request.contentType(MediaType.APPLICATION_JSON).content(body);
  }

  private String create(String body) throws Exception {
    return mvc.perform(json(post("/api/v1/segments"), body)).andExpect(status().isCreated())
        .andReturn().getResponse().getHeader("Location");
  }

  private void californians() {
    ContactView maya = fixtures.contact("Maya", "lead", "US-CA", List.of("promotions"), Map.of());
    ContactView rahul = fixtures.contact("Rahul", "prospect", "US-CA", List.of("promotions"), Map.of());
    ContactView zoe = fixtures.contact("Zoe", "lead", "US-CA", List.of("promotions"), Map.of());
    ContactView sam = fixtures.contact("Sam", "lead", "US-CA", List.of("promotions"), Map.of());
    fixtures.contact("Ada", "customer", "US-CA", List.of("promotions"), Map.of());
    fixtures.optIn(maya, fixtures.daysAgo(3), "promotions");
    fixtures.optIn(rahul, fixtures.daysAgo(3), "promotions");
    fixtures.optOut(rahul, fixtures.daysAgo(1));
    fixtures.optIn(zoe, fixtures.daysAgo(3), "promotions");
    fixtures.suppress(zoe);
    fixtures.optIn(sam, fixtures.daysAgo(3), "alerts");
  }

  @Test
  void createsASegmentAndFindsItAgain() throws Exception {
    String location = create(CALIFORNIA_LEADS);

    assertThat(location).matches("/api/v1/segments/\\d+");
    mvc.perform(get(location)).andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("California leads"))
        .andExpect(jsonPath("$.description").value("Leads in CA who want deals"))
        .andExpect(jsonPath("$.rule.all[1].value").value("US-CA"))
        .andExpect(jsonPath("$.createdAt").exists());
    mvc.perform(get("/api/v1/segments")).andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(1))
        .andExpect(jsonPath("$[0].name").value("California leads"));
  }

  @Test
  void previewsAStoredSegmentWithConsentAppliedAndMaskedNumbers() throws Exception {
    californians();
    String location = create(CALIFORNIA_LEADS);

    mvc.perform(get(location + "/preview").param("topic", "promotions").param("sample", "5"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.topic").value("promotions"))
        .andExpect(jsonPath("$.matching").value(4))
        .andExpect(jsonPath("$.eligible").value(1))
        .andExpect(jsonPath("$.excluded.suppressed").value(1))
        .andExpect(jsonPath("$.excluded.optedOut").value(1))
        .andExpect(jsonPath("$.excluded.noConsent").value(1))
        .andExpect(jsonPath("$.excluded.total").value(3))
        .andExpect(jsonPath("$.sample.length()").value(1))
        .andExpect(jsonPath("$.sample[0].firstName").value("Maya"))
        .andExpect(jsonPath("$.sample[0].phone", matchesPattern("\\+1\\d{4}\\*{4}\\d{2}")))
        .andExpect(jsonPath("$.evaluatedAt").exists());
  }

  @Test
  void previewsARuleNotStored() throws Exception {
    californians();

    mvc.perform(json(post("/api/v1/segments/preview"), """
            {"rule": {"field": "region", "op": "startsWith", "value": "us-"}, "topic": "alerts", "sample": 0}"""))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.matching").value(5))
        .andExpect(jsonPath("$.eligible").value(1))
        .andExpect(jsonPath("$.sample.length()").value(0));
  }

  @Test
  void namesTheJsonPathOfABadRule() throws Exception {
    mvc.perform(json(post("/api/v1/segments"), """
            {"name": "bad", "rule": {"all": [{"topic": "a"}, {"topic": "b"},
                                             {"field": "region", "op": "like", "value": "US-%"}]}}"""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("rule.all[2].op"))
        .andExpect(jsonPath("$.detail").value(containsString("'like' is not one of eq, in, present, startsWith")));
    mvc.perform(json(post("/api/v1/segments/preview"), """
            {"rule": {"any": [{"clicked": {"withinDays": 0}}]}, "topic": "promotions"}"""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("rule.any[0].clicked.withinDays"));
    mvc.perform(get("/api/v1/segments")).andExpect(jsonPath("$.length()").value(0));
  }

  @Test
  void refusesBadSegmentsNamingTheField() throws Exception {
    mvc.perform(json(post("/api/v1/segments"), "{\"name\": \"no rule\"}"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("rule"));
    mvc.perform(json(post("/api/v1/segments"), "{\"name\": \" \", \"rule\": {\"all\": []}}"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("name"));
    mvc.perform(json(post("/api/v1/segments"), "{\"name\": \"x\", \"rule\": {\"all\": []}, \"topic\": \"a\"}"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("topic"));
    create("{\"name\": \"Everyone\", \"rule\": {\"all\": []}}");
    mvc.perform(json(post("/api/v1/segments"), "{\"name\": \"EVERYONE\", \"rule\": {\"all\": []}}"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("name"))
        .andExpect(jsonPath("$.detail").value(containsString("a segment named 'EVERYONE' exists")));
  }

  @Test
  void asksForTheTopicOfEveryPreview() throws Exception {
    String location = create("{\"name\": \"Everyone\", \"rule\": {\"all\": []}}");

    mvc.perform(get(location + "/preview")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("topic"));
    mvc.perform(get(location + "/preview").param("topic", "Promotions!")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("topic"));
    mvc.perform(get(location + "/preview").param("topic", "promotions").param("sample", "1000"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("sample"));
    mvc.perform(json(post("/api/v1/segments/preview"), "{\"rule\": {\"all\": []}}"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("topic"));
  }

  @Test
  void answers404ForUnknownSegments() throws Exception {
    mvc.perform(get("/api/v1/segments/987654")).andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/segments/987654/preview").param("topic", "promotions"))
        .andExpect(status().isNotFound())
        .andExpect(header().string("Content-Type", containsString("application/problem+json")));
    mvc.perform(get("/api/v1/segments/abc")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("id"));
  }
}
