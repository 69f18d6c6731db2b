package io.waymark.workers.modeler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.waymark.workflows.ElementTemplates;
import io.waymark.workflows.JobTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Camunda Modeler element templates for download: {@code GET /api/v1/element-templates} lists them,
 * {@code GET /api/v1/element-templates/{jobType}.json} is one file as it is in the repository, and
 * {@code GET /api/v1/element-templates/bundle.json} is all of them in one file (a JSON array, which Modeler reads as
 * well), to save into Modeler's {@code resources/element-templates} folder.
 */
@RestController
class ElementTemplateController {

  static final String PATH = "/api/v1/element-templates";
  static final String BUNDLE_FILE = "waymark-element-templates.json";

  private final Map<String, byte[]> files = new LinkedHashMap<>();
  private final Map<String, JsonNode> templates = new LinkedHashMap<>();
  private final byte[] bundle;

  ElementTemplateController(ObjectMapper json) throws IOException {
    ArrayNode all = json.createArrayNode();
    for (String jobType : ElementTemplates.JOB_TYPES) {
      byte[] file = read(ElementTemplates.resource(jobType));
      JsonNode template = json.readTree(file);
      files.put(jobType, file);
      templates.put(jobType, template);
      all.add(template);
    }
    this.bundle = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(all);
  }

  private static byte[] read(String resource) {
    try (InputStream in = ElementTemplateController.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("element template " + resource + " is not on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @GetMapping(PATH)
  Listing list() {
    String base = ServletUriComponentsBuilder.fromCurrentContextPath().path(PATH).toUriString();
    List<Template> listed = templates.entrySet().stream().map(entry -> new Template(entry.getKey(),
        entry.getValue().path("id").asText(), entry.getValue().path("name").asText(),
        entry.getValue().path("version").asInt(), JobTypes.ALL.contains(entry.getKey()),
        base + "/" + entry.getKey() + ".json")).toList();
    return new Listing(base + "/bundle.json", listed);
  }

  @GetMapping(PATH + "/bundle.json")
  ResponseEntity<byte[]> bundle() {
    return download(BUNDLE_FILE, bundle);
  }

  @GetMapping(PATH + "/{jobType}.json")
  ResponseEntity<byte[]> template(@PathVariable String jobType) {
    byte[] file = files.get(jobType);
    if (file == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no element template for job type '" + jobType
          + "' (there are: " + String.join(", ", files.keySet()) + ")");
    }
    return download(jobType + ".json", file);
  }

  private static ResponseEntity<byte[]> download(String fileName, byte[] content) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
        .body(content);
  }

  /** Every template, and the bundle of all. */
  record Listing(String bundle, List<Template> templates) {
  }

  /**
   * One template: the job type it configures, its Modeler id, name and version, whether a worker serves the job type
   * yet (the journey linter refuses journeys using one that is not), and where to download it.
   */
  record Template(String jobType, String id, String name, int version, boolean served, String url) {
  }
}
