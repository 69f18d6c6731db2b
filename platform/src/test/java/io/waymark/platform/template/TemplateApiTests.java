package io.waymark.platform.template;

import static io.waymark.platform.template.TemplateFixtures.key;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
class TemplateApiTests {

  @Autowired MockMvc mvc;

  private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
    return request.contentType(MediaType.APPLICATION_JSON).content(body);
  }

  @Test
  void createsEditsApprovesAndRetiresVersions() throws Exception {
    String key = key("api");
    mvc.perform(json(post("/api/v1/templates"), """
            {"key": "%s", "name": "Shipped", "channel": "SMS", "messageClass": "transactional",
             "body": "Hi {firstName|there}, order {order.number} shipped: {order.trackingUrl}", "maxSegments": 2}
            """.formatted(key)))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/v1/templates/" + key))
        .andExpect(jsonPath("$.name").value("Shipped"))
        .andExpect(jsonPath("$.approvedVersion").doesNotExist())
        .andExpect(jsonPath("$.versions[0].status").value("DRAFT"))
        .andExpect(jsonPath("$.versions[0].maxSegments").value(2))
        .andExpect(jsonPath("$.versions[0].sampleBody")
            .value("Hi Alexandra, order NW-10043217 shipped: https://track.example/1Z999AA10123456784"))
        .andExpect(jsonPath("$.versions[0].analysis.characters").value(81))
        .andExpect(jsonPath("$.versions[0].analysis.encoding").value("GSM_7"))
        .andExpect(jsonPath("$.versions[0].analysis.segments").value(1));

    mvc.perform(json(put("/api/v1/templates/{key}/versions/1", key), """
            {"body": "Order {order.number} shipped: {order.trackingUrl}", "maxSegments": 1}
            """))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.body").value("Order {order.number} shipped: {order.trackingUrl}"));
    mvc.perform(json(post("/api/v1/templates/{key}/versions/1/approve", key), "{\"by\": \"pat@example.com\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("APPROVED"))
        .andExpect(jsonPath("$.approvedBy").value("pat@example.com"));
    mvc.perform(json(put("/api/v1/templates/{key}/versions/1", key), "{\"body\": \"Changed\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value("template '" + key + "' version 1 is APPROVED: only a DRAFT can be "
            + "edited; create a new draft (POST .../versions) instead"));

    mvc.perform(json(post("/api/v1/templates/{key}/versions", key), """
            {"body": "Your order {order.number} is on its way: {order.trackingUrl}"}
            """))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/v1/templates/" + key + "/versions/2"))
        .andExpect(jsonPath("$.version").value(2))
        .andExpect(jsonPath("$.maxSegments").value(3));
    mvc.perform(json(post("/api/v1/templates/{key}/versions/2/approve", key), "{\"by\": \"sam\"}"))
        .andExpect(status().isOk());
    mvc.perform(json(post("/api/v1/templates/{key}/versions/2/retire", key), "{\"by\": \"kim\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("RETIRED"))
        .andExpect(jsonPath("$.retiredBy").value("kim"));

    mvc.perform(get("/api/v1/templates/{key}", key))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.versions[0].status").value("RETIRED"))
        .andExpect(jsonPath("$.versions[0].retiredBy").value("sam"))
        .andExpect(jsonPath("$.versions[1].status").value("RETIRED"));
    mvc.perform(get("/api/v1/templates/{key}/versions/2", key))
        .andExpect(status().isOk()).andExpect(jsonPath("$.retiredBy").value("kim"));
    mvc.perform(get("/api/v1/templates"))
        .andExpect(status().isOk()).andExpect(jsonPath("$[*].key", hasItem(key)));
  }

  @Test
  void answers404ForAnUnknownKeyOrVersion() throws Exception {
    mvc.perform(get("/api/v1/templates/{key}", "test.nothing-here")).andExpect(status().isNotFound());
    mvc.perform(json(post("/api/v1/templates/{key}/versions", "test.nothing-here"), "{\"body\": \"x\"}"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value("template 'test.nothing-here' does not exist"));
    mvc.perform(get("/api/v1/templates/{key}/versions/9", "lead-follow-up.first-text"))
        .andExpect(status().isNotFound());
    mvc.perform(json(post("/api/v1/templates/{key}/versions/9/approve", "lead-follow-up.first-text"),
            "{\"by\": \"pat\"}"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value("template 'lead-follow-up.first-text' has no version 9"));
  }

  @Test
  void answers400ListingEveryProblem() throws Exception {
    mvc.perform(json(post("/api/v1/templates"), """
            {"key": "%s", "channel": "SMS", "messageClass": "promotional",
             "body": "Hi {firstname|there}, 20%% off! {offer.code} {lead.interest}"}
            """.formatted(key("bad"))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("body"))
        .andExpect(jsonPath("$.errors.length()").value(2))
        .andExpect(jsonPath("$.errors[0].message")
            .value("unknown token {firstname|there} at character 4: did you mean {firstName}?"))
        .andExpect(jsonPath("$.errors[1].message").value("token {lead.interest} at character 45 may be missing for "
            + "a contact: give it a fallback, e.g. {lead.interest|...}"));
    mvc.perform(json(post("/api/v1/templates"), """
            {"key": "%s", "channel": "FAX", "messageClass": "alert", "body": "x"}
            """.formatted(key("bad"))))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("channel"));
    mvc.perform(json(post("/api/v1/templates/{key}/versions/1/approve", "lead-follow-up.first-text"), "{}"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("by"));
    mvc.perform(json(post("/api/v1/templates"), """
            {"key": "lead-follow-up.first-text", "channel": "SMS", "messageClass": "alert", "body": "x"}
            """))
        .andExpect(status().isConflict());
  }

  @Test
  void previewsCharactersEncodingSegmentsAndLookAlikes() throws Exception {
    mvc.perform(json(post("/api/v1/templates/preview"), """
            {"channel": "SMS", "messageClass": "promotional",
             "body": "Hi {firstName|there}, it’s our “spring” sale — 20% off…"}
            """))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.body").value("Hi Alexandra, it’s our “spring” sale — 20% off…"))
        .andExpect(jsonPath("$.characters").value(47))
        .andExpect(jsonPath("$.encoding").value("UCS_2"))
        .andExpect(jsonPath("$.units").value(47))
        .andExpect(jsonPath("$.segments").value(1))
        .andExpect(jsonPath("$.maxSegments").value(3))
        .andExpect(jsonPath("$.ucs2Characters.length()").value(5))
        .andExpect(jsonPath("$.ucs2Characters[0].index").value(16))
        .andExpect(jsonPath("$.ucs2Characters[0].character").value("’"))
        .andExpect(jsonPath("$.ucs2Characters[0].codePoint").value("U+2019"))
        .andExpect(jsonPath("$.ucs2Characters[0].lookAlike").value("'"))
        .andExpect(jsonPath("$.ucs2Characters[3].codePoint").value("U+2014"))
        .andExpect(jsonPath("$.ucs2Characters[4].lookAlike").value("..."))
        .andExpect(jsonPath("$.templateUcs2Characters[0].index").value(24))
        .andExpect(jsonPath("$.lookAlikeBody").value("Hi {firstName|there}, it's our \"spring\" sale - 20% off..."))
        .andExpect(jsonPath("$.lookAlikeSegments").value(1))
        .andExpect(jsonPath("$.optOutWording").value(false))
        .andExpect(jsonPath("$.tokens[0]").value("firstName"))
        .andExpect(jsonPath("$.valid").value(false))
        .andExpect(jsonPath("$.problems[0].field").value("body"))
        .andExpect(jsonPath("$.problems[0].message").value("a promotional SMS must carry opt-out wording such as "
            + "\"Reply STOP to opt out\", unless it is marked followUp (never the first message of a journey)"));
  }

  @Test
  void previewsWithGivenVariablesAndKeepsBrokenTokensVisible() throws Exception {
    mvc.perform(json(post("/api/v1/templates/preview"), """
            {"channel": "SMS", "messageClass": "alert", "maxSegments": 1,
             "body": "Hi {firstName|there}, see you {appointment.time} {room}",
             "variables": {"firstName": "Zoë", "appointment": {"time": "2026-03-16T15:30:00-07:00"}}}
            """))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.body").value("Hi Zoë, see you Mon, Mar 16, 3:30 PM {room}"))
        .andExpect(jsonPath("$.encoding").value("UCS_2"))
        .andExpect(jsonPath("$.ucs2Characters[0].character").value("ë"))
        .andExpect(jsonPath("$.ucs2Characters[0].lookAlike").doesNotExist())
        .andExpect(jsonPath("$.problems.length()").value(1))
        .andExpect(jsonPath("$.problems[0].message").value("unknown token {room} at character 50 (GET "
            + "/api/v1/template-tokens lists the known ones)"));
    mvc.perform(json(post("/api/v1/templates/preview"), """
            {"channel": "EMAIL", "messageClass": "transactional", "subject": "Order {order.number}",
             "body": "Tracking: {order.trackingUrl}"}
            """))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.subject").value("Order NW-10043217"))
        .andExpect(jsonPath("$.body").value("Tracking: https://track.example/1Z999AA10123456784"))
        .andExpect(jsonPath("$.segments").doesNotExist())
        .andExpect(jsonPath("$.valid").value(true));
  }

  @Test
  void listsTheTokenCatalog() throws Exception {
    mvc.perform(get("/api/v1/template-tokens"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.name == 'firstName')].required").value(false))
        .andExpect(jsonPath("$[?(@.name == 'firstName')].sample").value("Alexandra"))
        .andExpect(jsonPath("$[?(@.name == 'appointment.time')].format").value("DATETIME"));
  }
}
