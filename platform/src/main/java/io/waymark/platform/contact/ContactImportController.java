package io.waymark.platform.contact;

import io.waymark.platform.support.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * CSV import of contacts and consent.
 * <ul>
 * <li>{@code POST /api/v1/contacts/import}: the CSV as multipart field {@code file} or as the {@code text/csv} body
 * (UTF-8, RFC 4180, header row required). Columns: {@code external_id, phone, country, first_name, last_name, email,
 * timezone, state, consent_topics} ({@code ;}-separated){@code , consent_channel, consent_text, consented_at}
 * (ISO-8601 with offset or Z) and optionally {@code lifecycle_stage, owner, topics} ({@code ;}-separated)
 * {@code , locale} and {@code attr_<name>} (an attribute). Only {@code phone} is required; the meaning of each column
 * and the outcomes are in {@code contact/IMPORT.md}. Answers 200 with an {@link ImportReport} (every row: line,
 * external_id, outcome IMPORTED / UPDATED / UNCHANGED / REJECTED / CONSENT_REJECTED, E.164 phone, time zone, the
 * column at fault and the problem, warnings). An unknown column, a missing header or unreadable CSV: 400 naming the
 * column (or {@code file}), nothing stored.</li>
 * <li>{@code ?async=true}: checks the file, then imports it in the background: 202 with the {@link ImportStatus}
 * and its {@code Location}; 429 while {@code waymark.contacts.imports.threads} imports run. Meant for large files.
 * </li>
 * <li>{@code GET /api/v1/contacts/imports/{id}?page=0&size=100}: the {@link ImportStatus} (RUNNING, DONE, FAILED;
 * rows processed of total; counts per outcome) with one page (size at most 1000) of the rows that were rejected or
 * carry warnings; 404 for an unknown id.</li>
 * </ul>
 */
@RestController
class ContactImportController {

  private final ContactImports imports;

  ContactImportController(ContactImports imports) {
    this.imports = imports;
  }

  @PostMapping(path = "/api/v1/contacts/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Object> upload(@RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(defaultValue = "false") boolean async) throws IOException {
    if (file == null || file.isEmpty()) {
      throw new InvalidInputException("file", "is missing: send the CSV as multipart field 'file' or as a text/csv "
          + "body");
    }
    return importCsv(file.getInputStream(), file.getOriginalFilename(), async);
  }

  @PostMapping(path = "/api/v1/contacts/import", consumes = {"text/csv", "application/csv", "text/plain"})
  ResponseEntity<Object> body(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean async)
      throws IOException {
    return importCsv(request.getInputStream(), null, async);
  }

  @GetMapping("/api/v1/contacts/imports/{id}")
  ResponseEntity<ImportStatus> status(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "100") int size) {
    if (page < 0) {
      throw new InvalidInputException("page", "must be 0 or more");
    }
    if (size < 1 || size > 1000) {
      throw new InvalidInputException("size", "must be between 1 and 1000");
    }
    return imports.status(new ImportId(id), page, size).map(ResponseEntity::ok)
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  @ExceptionHandler(ContactImports.ImportsBusyException.class)
  ProblemDetail busy(ContactImports.ImportsBusyException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
  }

  private ResponseEntity<Object> importCsv(InputStream csv, String fileName, boolean async) {
    if (!async) {
      return ResponseEntity.ok(imports.importNow(csv));
    }
    ImportId id = imports.start(csv, fileName);
    return ResponseEntity.accepted().location(URI.create("/api/v1/contacts/imports/" + id))
        .body(imports.status(id, 0, 100).map(Object.class::cast).orElse(Map.of("id", id)));
  }
}
