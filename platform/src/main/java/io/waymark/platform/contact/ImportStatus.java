package io.waymark.platform.contact;

import java.time.Instant;
import java.util.List;

/**
 * A background CSV import: where it stands and one page of its issues (rejected rows and rows with warnings, in
 * file order; clean rows are only counted).
 *
 * @param status RUNNING, DONE, or FAILED ({@code failure} says why; an import that stopped making progress, for
 *     instance because the application restarted, is FAILED)
 * @param processedRows data rows stored or rejected so far, of {@code totalRows}
 */
public record ImportStatus(
    ImportId id,
    Status status,
    String fileName,
    int totalRows,
    int processedRows,
    ImportReport.Counts counts,
    Instant startedAt,
    Instant finishedAt,
    String failure,
    Issues issues) {

  public enum Status { RUNNING, DONE, FAILED }

  /** One page of issues; {@code total} counts them all. */
  public record Issues(int page, int size, long total, List<ImportReport.Row> rows) {
  }
}
