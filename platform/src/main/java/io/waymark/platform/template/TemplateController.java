package io.waymark.platform.template;

import java.net.URI;
import java.util.List;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The template API under {@code /api/v1/templates}: list, read, create (201), new draft (201), edit a draft, approve,
 * retire, preview; {@code /api/v1/template-tokens} lists the tokens. Unknown key or version: 404; a change the
 * version's status does not allow: 409; bad input: 400 naming every field ({@code support.ApiErrors}).
 */
@RestController
class TemplateController {

  private final MessageTemplates templates;

  TemplateController(MessageTemplates templates) {
    this.templates = templates;
  }

  @GetMapping("/api/v1/templates")
  List<TemplateView> list() {
    return templates.list();
  }

  @GetMapping("/api/v1/templates/{key}")
  ResponseEntity<TemplateView> get(@PathVariable String key) {
    return ResponseEntity.of(templates.find(key));
  }

  @PostMapping("/api/v1/templates")
  ResponseEntity<TemplateView> create(@RequestBody NewTemplate request) {
    TemplateView created = templates.create(request);
    return ResponseEntity.created(URI.create("/api/v1/templates/" + created.key())).body(created);
  }

  @GetMapping("/api/v1/templates/{key}/versions/{version}")
  VersionView version(@PathVariable String key, @PathVariable int version) {
    return templates.find(key).orElseThrow(() -> new UnknownTemplateException(key, null)).version(version)
        .orElseThrow(() -> new UnknownTemplateException(key, version));
  }

  @PostMapping("/api/v1/templates/{key}/versions")
  ResponseEntity<VersionView> draft(@PathVariable String key, @RequestBody DraftContent content) {
    VersionView draft = templates.draft(key, content);
    return ResponseEntity.created(URI.create("/api/v1/templates/" + key + "/versions/" + draft.version()))
        .body(draft);
  }

  @PutMapping("/api/v1/templates/{key}/versions/{version}")
  VersionView updateDraft(@PathVariable String key, @PathVariable int version, @RequestBody DraftContent content) {
    return templates.updateDraft(key, version, content);
  }

  @PostMapping("/api/v1/templates/{key}/versions/{version}/approve")
  VersionView approve(@PathVariable String key, @PathVariable int version, @RequestBody Actor actor) {
    return templates.approve(key, version, actor.by());
  }

  @PostMapping("/api/v1/templates/{key}/versions/{version}/retire")
  VersionView retire(@PathVariable String key, @PathVariable int version, @RequestBody Actor actor) {
    return templates.retire(key, version, actor.by());
  }

  @PostMapping("/api/v1/templates/preview")
  TemplatePreview preview(@RequestBody PreviewRequest request) {
    return templates.preview(request);
  }

  @GetMapping("/api/v1/template-tokens")
  List<TemplateToken> tokens() {
    return templates.tokens();
  }

  @ExceptionHandler(UnknownTemplateException.class)
  ProblemDetail unknown(UnknownTemplateException e) {
    return problem(HttpStatus.NOT_FOUND, "Unknown template", e.getMessage());
  }

  @ExceptionHandler(TemplateStateException.class)
  ProblemDetail conflict(TemplateStateException e) {
    return problem(HttpStatus.CONFLICT, "Template state conflict", e.getMessage());
  }

  @ExceptionHandler(ConcurrencyFailureException.class)
  ProblemDetail concurrent(ConcurrencyFailureException e) {
    return problem(HttpStatus.CONFLICT, "Template state conflict",
        "the template was changed at the same moment by someone else: read it again and retry");
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }

  /** Who approves or retires a version. */
  record Actor(String by) {
  }
}
