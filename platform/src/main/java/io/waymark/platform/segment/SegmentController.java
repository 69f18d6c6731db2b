package io.waymark.platform.segment;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import io.waymark.platform.support.InvalidInputException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 * The segment API.
 * <ul>
 * <li>{@code POST /api/v1/segments} {@code {name, description?, rule}}: 201 with {@code Location}; a bad rule is a 400
 * whose {@code field} is the JSON path of the bad node ({@code rule.all[2].op}).</li>
 * <li>{@code GET /api/v1/segments}, {@code GET /api/v1/segments/{id}} (404 if unknown).</li>
 * <li>{@code GET /api/v1/segments/{id}/preview?topic=promotions&sample=10}: counts with consent and suppression
 * applied for the topic (required) and a sample of eligible members, numbers masked.</li>
 * <li>{@code POST /api/v1/segments/preview} {@code {rule, topic, sample?}}: the same for a rule not stored.</li>
 * </ul>
 */
@RestController
class SegmentController {

  private final Segments segments;

  SegmentController(Segments segments) {
    this.segments = segments;
  }

  @PostMapping("/api/v1/segments")
  ResponseEntity<SegmentResponse> create(@RequestBody SegmentRequest request) {
    request.rejectUnknownProperties();
    Segment created = segments.create(new NewSegment(request.name(), request.description(), request.rule()));
    return ResponseEntity.created(URI.create("/api/v1/segments/" + created.id())).body(SegmentResponse.of(created));
  }

  @GetMapping("/api/v1/segments")
  List<SegmentResponse> list() {
    return segments.list().stream().map(SegmentResponse::of).toList();
  }

  @GetMapping("/api/v1/segments/{id}")
  ResponseEntity<SegmentResponse> find(@PathVariable long id) {
    return segments.find(new SegmentId(id)).map(SegmentResponse::of).map(ResponseEntity::ok)
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  @GetMapping("/api/v1/segments/{id}/preview")
  PreviewResponse preview(@PathVariable long id, @RequestParam String topic,
      @RequestParam(defaultValue = "10") int sample) {
    return PreviewResponse.of(segments.preview(new SegmentId(id), topic, sample));
  }

  @PostMapping("/api/v1/segments/preview")
  PreviewResponse preview(@RequestBody PreviewRequest request) {
    if (request.unknown() != null && !request.unknown().isEmpty()) {
      throw new InvalidInputException(request.unknown().keySet().iterator().next(),
          "is not a preview property (rule, topic, sample)");
    }
    return PreviewResponse.of(segments.preview(request.rule(), request.topic(),
        request.sample() == null ? 10 : request.sample()));
  }

  @ExceptionHandler(SegmentNotFoundException.class)
  ProblemDetail notFound(SegmentNotFoundException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
  }

  record SegmentRequest(String name, String description, JsonNode rule, @JsonAnySetter Map<String, Object> unknown) {

    void rejectUnknownProperties() {
      if (unknown != null && !unknown.isEmpty()) {
        throw new InvalidInputException(unknown.keySet().iterator().next(),
            "is not a segment property (name, description, rule)");
      }
    }
  }

  record PreviewRequest(JsonNode rule, String topic, Integer sample, @JsonAnySetter Map<String, Object> unknown) {
  }

  record SegmentResponse(long id, String name, String description, JsonNode rule, Instant createdAt) {

    static SegmentResponse of(Segment s) {
      return new SegmentResponse(s.id().value(), s.name(), s.description(), s.rule(), s.createdAt());
    }
  }

  record PreviewResponse(String topic, long matching, long eligible, ExcludedResponse excluded,
      List<MemberResponse> sample, Instant evaluatedAt) {

    static PreviewResponse of(AudiencePreview p) {
      AudiencePreview.Excluded x = p.excluded();
      return new PreviewResponse(p.topic(), p.matching(), p.eligible(),
          new ExcludedResponse(x.suppressed(), x.optedOut(), x.noConsent(), x.total()),
          p.sample().stream().map(m -> new MemberResponse(m.id().value(), m.maskedPhone(), m.firstName(),
              m.lifecycleStage(), m.region())).toList(), p.evaluatedAt());
    }
  }

  record ExcludedResponse(long suppressed, long optedOut, long noConsent, long total) {
  }

  record MemberResponse(long id, String phone, String firstName, String lifecycleStage, String region) {
  }
}
