package io.waymark.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every element template validates against Camunda's official zeebe element templates JSON schema (npm package
 * {@code @camunda/zeebe-element-templates-json-schema}, installed by {@code npm ci --prefix workflows/tooling}); skips
 * without it.
 */
class ElementTemplatesSchemaIT {

  static final List<String> JOB_TYPES = ElementTemplates.JOB_TYPES;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonSchema schema;

  /** The schema, read once; every test skips (with the install command) while the npm package is missing. */
  private static synchronized JsonSchema schema() throws IOException {
    if (schema == null) {
      Path file = CamundaTooling.packageFile(CamundaTooling.require(), "@camunda/zeebe-element-templates-json-schema",
          "resources/schema.json");
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
          .getSchema(JSON.readTree(Files.readString(file)));
    }
    return schema;
  }

  private static JsonNode template(String jobType) throws IOException {
    try (InputStream in = ElementTemplatesSchemaIT.class.getClassLoader()
        .getResourceAsStream(ElementTemplates.resource(jobType))) {
      assertThat(in).as(ElementTemplates.resource(jobType)).isNotNull();
      return JSON.readTree(in);
    }
  }

  @ParameterizedTest
  @FieldSource("JOB_TYPES")
  void templateValidatesAgainstCamundasSchema(String jobType) throws IOException {
    Set<ValidationMessage> problems = schema().validate(template(jobType));
    assertThat(problems).as("schema violations of %s", ElementTemplates.resource(jobType)).isEmpty();
  }

  @Test
  void theBundleOfAllTemplatesValidatesAsOneFile() throws IOException {
    ArrayNode bundle = JSON.createArrayNode();
    for (String jobType : JOB_TYPES) {
      bundle.add(template(jobType));
    }
    assertThat(schema().validate(bundle)).isEmpty();
  }

  @Test
  void theSchemaCatchesABrokenTemplate() throws IOException {
    ObjectNode broken = (ObjectNode) template(JobTypes.SEND_SMS);
    ((ObjectNode) broken.withArray("properties").get(0)).remove("binding");
    ObjectNode dropdownWithoutChoices = broken.withArray("properties").addObject();
    dropdownWithoutChoices.put("label", "Broken").put("type", "Dropdown").putObject("binding")
        .put("type", "zeebe:input").put("name", "broken");

    assertThat(schema().validate(broken)).isNotEmpty();
  }
}
