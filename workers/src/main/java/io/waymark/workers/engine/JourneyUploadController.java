package io.waymark.workers.engine;

import io.waymark.platform.support.InvalidInputException;
import io.waymark.workflows.lint.Finding;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/journeys} (multipart, field {@code file}: one {@code .bpmn} file holding one journey): lints it
 * and, when the linter finds no error, deploys it and answers 201 with the new version and the warnings. Lint errors
 * (or what the engine refuses) answer 422 with every finding; nothing is deployed then.
 */
@RestController
class JourneyUploadController {

  private final JourneyPublisher publisher;

  JourneyUploadController(JourneyPublisher publisher) {
    this.publisher = publisher;
  }

  @PostMapping(path = "/api/v1/journeys", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Published> publish(@RequestParam(name = "file", required = false) MultipartFile file)
      throws IOException {
    if (file == null || file.isEmpty()) {
      throw new InvalidInputException("file", "is required: a .bpmn file as multipart field 'file'");
    }
    JourneyPublisher.Published published = publisher.publish(resourceName(file.getOriginalFilename()),
        file.getBytes());
    return ResponseEntity.created(URI.create("/api/v1/journeys")).body(new Published(published.processId(),
        published.name(), published.version(), published.definitionKey(), published.resourceName(),
        views(published.warnings())));
  }

  /** The uploaded file's own name without any path; the engine tells BPMN from other resources by the extension. */
  private static String resourceName(String originalFilename) {
    String name = originalFilename == null ? "" : originalFilename.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).strip();
    if (!name.toLowerCase(Locale.ROOT).endsWith(".bpmn") || name.length() <= ".bpmn".length()) {
      throw new InvalidInputException("file", "'" + name + "' is not a .bpmn file");
    }
    return name;
  }

  @ExceptionHandler(JourneyRejectedException.class)
  ProblemDetail rejected(JourneyRejectedException rejected) {
    List<Finding> errors = rejected.report().errors();
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_ENTITY);
    problem.setTitle("Journey refused");
    problem.setDetail(rejected.resourceName() + ": " + errors.size() + " lint error(s), nothing deployed: "
        + errors.stream().map(Finding::toString).collect(Collectors.joining("; ")));
    problem.setProperty("findings", views(rejected.report().findings()));
    return problem;
  }

  private static List<FindingView> views(List<Finding> findings) {
    return findings.stream()
        .map(f -> new FindingView(f.severity().name(), f.rule(), f.elementId(), f.message()))
        .toList();
  }

  /** A published version, as answered. */
  record Published(String processId, String name, int version, long definitionKey, String resourceName,
      List<FindingView> warnings) {
  }

  /** One lint finding, as answered. */
  record FindingView(String severity, String rule, String elementId, String message) {
  }
}
