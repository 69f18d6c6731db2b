package io.waymark.workers.modeler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.waymark.workers.WorkersTest;
import io.waymark.workflows.ElementTemplates;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The element templates served for download: listed, one by one as in the repository, and all in one file. */
@WorkersTest
class ElementTemplateControllerTests extends WorkersTest.Base {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;

  @Test
  void listsEveryTemplateWithWhereToDownloadIt() throws Exception {
    mvc.perform(get("/api/v1/element-templates").header("X-Api-Key", WorkersTest.API_KEY))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.bundle").value("http://localhost/api/v1/element-templates/bundle.json"))
        .andExpect(jsonPath("$.templates.length()").value(ElementTemplates.JOB_TYPES.size()))
        .andExpect(jsonPath("$.templates[?(@.jobType == 'send-sms')].id").value("io.waymark:send-sms"))
        .andExpect(jsonPath("$.templates[?(@.jobType == 'send-sms')].name").value("Waymark: Send SMS"))
        .andExpect(jsonPath("$.templates[?(@.jobType == 'send-sms')].version").value(1))
        .andExpect(jsonPath("$.templates[?(@.jobType == 'send-sms')].served").value(true))
        .andExpect(jsonPath("$.templates[?(@.jobType == 'send-batch')].served").value(true))
        .andExpect(jsonPath("$.templates[?(@.jobType == 'create-crm-task')].served").value(true))
        .andExpect(jsonPath("$.templates[?(@.jobType == 'create-crm-task')].version").value(2))
        .andExpect(jsonPath("$.templates[?(@.jobType == 'send-sms')].url")
            .value("http://localhost/api/v1/element-templates/send-sms.json"));
  }

  @Test
  void servesOneTemplateAsTheRepositoryHoldsIt() throws Exception {
    byte[] expected;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(ElementTemplates.resource("send-sms"))) {
      expected = in.readAllBytes();
    }

    byte[] served = mvc.perform(get("/api/v1/element-templates/send-sms.json").header("X-Api-Key", WorkersTest.API_KEY))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Disposition", "attachment; filename=\"send-sms.json\""))
        .andReturn().getResponse().getContentAsByteArray();

    assertThat(served).isEqualTo(expected);
  }

  @Test
  void servesAllTemplatesInOneFile() throws Exception {
    byte[] served = mvc.perform(get("/api/v1/element-templates/bundle.json").header("X-Api-Key", WorkersTest.API_KEY))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Disposition",
            "attachment; filename=\"waymark-element-templates.json\""))
        .andReturn().getResponse().getContentAsByteArray();

    JsonNode bundle = json.readTree(served);
    assertThat(bundle.isArray()).isTrue();
    assertThat(bundle).extracting(template -> template.path("id").asText())
        .containsExactlyElementsOf(ElementTemplates.JOB_TYPES.stream().map(ElementTemplates::id).toList());
  }

  @Test
  void answersNotFoundForAnUnknownJobType() throws Exception {
    mvc.perform(get("/api/v1/element-templates/send-fax.json").header("X-Api-Key", WorkersTest.API_KEY))
        .andExpect(status().isNotFound());
  }
}
