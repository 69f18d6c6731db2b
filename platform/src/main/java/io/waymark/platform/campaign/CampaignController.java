package io.waymark.platform.campaign;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.waymark.platform.journey.JourneySteps;
import io.waymark.platform.support.InvalidInputException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The campaign and approval API.
 * <ul>
 * <li>{@code POST /api/v1/campaigns} {@code {name, segmentId, templateKey, topic, brand?, schedule: {type: NOW | AT
 * (at) | RECURRING (cron, zone)}, createdBy}}: 201 with {@code Location}; bad input is a 400 naming every field.</li>
 * <li>{@code GET /api/v1/campaigns} (newest first, each with its newest run), {@code GET /api/v1/campaigns/{id}} (every
 * run with counts and approval), {@code POST /api/v1/campaigns/{id}/cancel} {@code {by}}.</li>
 * <li>{@code GET /api/v1/campaign-runs/{id}}: a run with its counts, approval and the steps its instance ran.</li>
 * <li>{@code GET /api/v1/approvals?status=PENDING}, {@code GET /api/v1/approvals/{id}},
 * {@code POST /api/v1/approvals/{id}/decision} {@code {decision: APPROVED | REJECTED, by, reason}}: 403 for the
 * campaign's creator (four eyes), 409 for a second decision or one after expiry.</li>
 * </ul>
 * Unknown ids are 404.
 */
@RestController
class CampaignController {

  private final Campaigns campaigns;
  private final CampaignRuns runs;
  private final Approvals approvals;
  private final JourneySteps steps;

  CampaignController(Campaigns campaigns, CampaignRuns runs, Approvals approvals, JourneySteps steps) {
    this.campaigns = campaigns;
    this.runs = runs;
    this.approvals = approvals;
    this.steps = steps;
  }

  @PostMapping("/api/v1/campaigns")
  ResponseEntity<CampaignView> create(@RequestBody CampaignRequest request) {
    if (request.unknown() != null && !request.unknown().isEmpty()) {
      throw new InvalidInputException(request.unknown().keySet().iterator().next(), "is not a campaign property "
          + "(name, segmentId, templateKey, topic, brand, schedule, createdBy)");
    }
    CampaignView created = campaigns.create(new NewCampaign(request.name(), request.segmentId(),
        request.templateKey(), request.topic(), request.brand(), request.schedule(), request.createdBy()));
    return ResponseEntity.created(URI.create("/api/v1/campaigns/" + created.id())).body(created);
  }

  @GetMapping("/api/v1/campaigns")
  List<CampaignView> list() {
    return campaigns.list();
  }

  @GetMapping("/api/v1/campaigns/{id}")
  ResponseEntity<CampaignView> find(@PathVariable long id) {
    return ResponseEntity.of(campaigns.find(new CampaignId(id)));
  }

  @PostMapping("/api/v1/campaigns/{id}/cancel")
  CampaignView cancel(@PathVariable long id, @RequestBody Actor actor) {
    return campaigns.cancel(new CampaignId(id), actor.by());
  }

  @GetMapping("/api/v1/campaign-runs/{id}")
  ResponseEntity<Map<String, Object>> run(@PathVariable long id) {
    return runs.find(new CampaignRunId(id)).map(run -> {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("run", run);
      body.put("steps", run.processInstanceKey() == null ? List.of() : steps.ofInstance(run.processInstanceKey()));
      return ResponseEntity.ok(body);
    }).orElseGet(() -> ResponseEntity.notFound().build());
  }

  @GetMapping("/api/v1/approvals")
  List<ApprovalView> approvals(@RequestParam(required = false) String status) {
    return approvals.list(status);
  }

  @GetMapping("/api/v1/approvals/{id}")
  ResponseEntity<ApprovalView> approval(@PathVariable long id) {
    return ResponseEntity.of(approvals.find(new ApprovalId(id)));
  }

  @PostMapping("/api/v1/approvals/{id}/decision")
  ApprovalView decide(@PathVariable long id, @RequestBody Approvals.Decision decision) {
    return approvals.decide(new ApprovalId(id), decision);
  }

  @ExceptionHandler(CampaignNotFoundException.class)
  ProblemDetail notFound(CampaignNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
  }

  @ExceptionHandler(CampaignConflictException.class)
  ProblemDetail conflict(CampaignConflictException e) {
    return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
  }

  @ExceptionHandler(FourEyesException.class)
  ProblemDetail fourEyes(FourEyesException e) {
    return problem(HttpStatus.FORBIDDEN, "Four eyes", e.getMessage());
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  ProblemDetail concurrent(OptimisticLockingFailureException e) {
    return problem(HttpStatus.CONFLICT, "Conflict", "someone else changed this at the same moment (a decision or a "
        + "cancellation): read it again; a decision is final");
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }

  /** A campaign as posted; any other property is refused (a typo must not pass silently). */
  record CampaignRequest(String name, Long segmentId, String templateKey, String topic, String brand,
      Schedule schedule, String createdBy, @JsonAnySetter Map<String, Object> unknown) {
  }

  /** Who cancels. */
  record Actor(String by) {
  }
}
