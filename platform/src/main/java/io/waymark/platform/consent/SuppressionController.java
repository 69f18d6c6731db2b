package io.waymark.platform.consent;

import io.waymark.platform.contact.PhoneNumbers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The do-not-contact list: {@code POST /api/v1/suppressions}, {@code GET|DELETE /api/v1/suppressions/{phone}}. */
@RestController
class SuppressionController {

  private final SuppressionList suppressions;

  SuppressionController(SuppressionList suppressions) {
    this.suppressions = suppressions;
  }

  @PostMapping("/api/v1/suppressions")
  ResponseEntity<SuppressionList.Entry> add(@Valid @RequestBody SuppressionRequest request) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(suppressions.suppress(request.phone(), request.reason(), "api"));
  }

  @GetMapping("/api/v1/suppressions/{phone}")
  List<SuppressionList.Entry> history(@PathVariable String phone) {
    return suppressions.history(PhoneNumbers.toE164(phone, null));
  }

  @DeleteMapping("/api/v1/suppressions/{phone}")
  ResponseEntity<Void> lift(@PathVariable String phone, @RequestParam String reason) {
    return suppressions.lift(phone, reason) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
  }

  record SuppressionRequest(@NotBlank String phone, @NotBlank @Size(max = 500) String reason) {
  }
}
