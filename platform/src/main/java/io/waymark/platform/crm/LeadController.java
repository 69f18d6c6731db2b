package io.waymark.platform.crm;

import io.waymark.platform.support.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The lead inbox and routing API.
 * <ul>
 * <li>{@code GET /api/v1/leads?owner=&status=OPEN,ACCEPTED&page=&size=}: tasks soonest due first (live ones by
 * default); {@code GET /api/v1/leads/{id}}: a task with its history.</li>
 * <li>{@code POST /api/v1/leads/{id}/accept} {@code {by}}, {@code .../contacted} {@code {by}},
 * {@code .../reassign} {@code {to, by, reason}}: by the owner or the team's manager or team lead (else 403); a task
 * accepted by someone else is a 409.</li>
 * <li>{@code GET /api/v1/leads/time-to-accept?from=&to=}: count, median, p95 and max of the tasks accepted in the
 * period (default: the last 7 days).</li>
 * <li>{@code GET /api/v1/crm/routing} (404 before one is set), {@code PUT /api/v1/crm/routing?by=} with a
 * {@link RoutingDocument}: 400 naming every problem, nothing stored then;
 * {@code PUT /api/v1/crm/reps/{id}/availability} {@code {available}}.</li>
 * </ul>
 */
@RestController
class LeadController {

  private final LeadInbox inbox;
  private final Routing routing;
  private final java.time.Clock clock;

  LeadController(LeadInbox inbox, Routing routing, java.time.Clock clock) {
    this.inbox = inbox;
    this.routing = routing;
    this.clock = clock;
  }

  @GetMapping("/api/v1/leads")
  List<LeadInbox.Task> list(@RequestParam(required = false) String owner,
      @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    if (page < 0 || size < 1 || size > 500) {
      throw new InvalidInputException("size", "page must be 0 or more and size 1 to 500");
    }
    Set<String> statuses = status == null || status.isBlank() ? Set.of()
        : Arrays.stream(status.split(",")).map(String::strip).collect(Collectors.toSet());
    return inbox.inbox(owner == null || owner.isBlank() ? null : owner, statuses, page, size);
  }

  @GetMapping("/api/v1/leads/{id}")
  LeadInbox.Detail one(@PathVariable long id) {
    return inbox.find(id).orElseThrow(() -> new LeadInbox.NotFoundException("no lead task " + id));
  }

  @PostMapping("/api/v1/leads/{id}/accept")
  LeadInbox.Task accept(@PathVariable long id, @RequestBody Act act) {
    return inbox.accept(id, act.by());
  }

  @PostMapping("/api/v1/leads/{id}/contacted")
  LeadInbox.Task contacted(@PathVariable long id, @RequestBody Act act) {
    return inbox.markContacted(id, act.by());
  }

  @PostMapping("/api/v1/leads/{id}/reassign")
  LeadInbox.Task reassign(@PathVariable long id, @RequestBody Reassign request) {
    return inbox.reassign(id, request.to(), request.by(), request.reason());
  }

  @GetMapping("/api/v1/leads/time-to-accept")
  Map<String, Object> timeToAccept(@RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to) {
    Instant end = to != null ? to : clock.instant();
    Instant start = from != null ? from : end.minus(Duration.ofDays(7));
    if (!start.isBefore(end)) {
      throw new InvalidInputException("from", "must be before to");
    }
    List<Long> times = inbox.timesToAccept(start, end).stream().sorted().toList();
    return Map.of("from", start, "to", end, "count", times.size(),
        "medianMs", percentile(times, 50), "p95Ms", percentile(times, 95),
        "maxMs", times.isEmpty() ? 0 : times.get(times.size() - 1));
  }

  /** Nearest-rank percentile; 0 for no values. */
  static long percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  @GetMapping("/api/v1/crm/routing")
  RoutingDocument routing() {
    return routing.current().orElseThrow(() -> new LeadInbox.NotFoundException(
        "no lead routing is configured yet: PUT /api/v1/crm/routing"));
  }

  @PutMapping("/api/v1/crm/routing")
  RoutingDocument replaceRouting(@RequestBody RoutingDocument document, @RequestParam String by) {
    return routing.replace(document, by);
  }

  @PutMapping("/api/v1/crm/reps/{id}/availability")
  ResponseEntity<Void> availability(@PathVariable String id, @RequestBody Availability availability) {
    if (availability.available() == null) {
      throw new InvalidInputException("available", "is missing (true or false)");
    }
    routing.setAvailability(id, availability.available());
    return ResponseEntity.noContent().build();
  }

  @ExceptionHandler(LeadInbox.NotFoundException.class)
  ProblemDetail notFound(LeadInbox.NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
  }

  @ExceptionHandler(LeadInbox.ConflictException.class)
  ProblemDetail conflict(LeadInbox.ConflictException e) {
    return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
  }

  @ExceptionHandler(LeadInbox.ForbiddenException.class)
  ProblemDetail forbidden(LeadInbox.ForbiddenException e) {
    return problem(HttpStatus.FORBIDDEN, "Not your lead", e.getMessage());
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  ProblemDetail concurrent(OptimisticLockingFailureException e) {
    return problem(HttpStatus.CONFLICT, "Conflict", "someone else changed this lead at the same moment: read it again");
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }

  record Act(String by) {
  }

  record Reassign(String to, String by, String reason) {
  }

  record Availability(Boolean available) {
  }
}
