package io.waymark.platform.contact;

import io.waymark.platform.contact.ImportReport.Counts;
import io.waymark.platform.contact.ImportReport.Row;
import io.waymark.platform.governance.AuditLog;
import io.waymark.platform.support.InvalidInputException;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;

/**
 * CSV imports of contacts and their consent (columns: {@code contact/IMPORT.md}). The file is first copied aside and
 * read once to check the header and that it is readable CSV: a bad file is refused as a whole with an
 * {@link InvalidInputException} before anything is stored. Then rows are stored chunk by chunk, each row reported.
 * Importing the same file again changes nothing.
 */
@Service
public class ContactImports {

  private static final Logger LOG = LoggerFactory.getLogger(ContactImports.class);

  private final ContactImporter importer;
  private final ImportJobs jobs;
  private final ContactProperties.Imports settings;
  private final AuditLog audit;
  private final Clock clock;
  private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
  private final Set<ImportId> running = ConcurrentHashMap.newKeySet();

  ContactImports(ContactImporter importer, ImportJobs jobs, ContactProperties properties, AuditLog audit,
      Clock clock) {
    this.importer = importer;
    this.jobs = jobs;
    this.settings = properties.imports();
    this.audit = audit;
    this.clock = clock;
    executor.setCorePoolSize(settings.threads());
    executor.setMaxPoolSize(settings.threads());
    executor.setQueueCapacity(0);
    executor.setThreadNamePrefix("contact-import-");
    executor.setAwaitTerminationSeconds(10);
    executor.initialize();
  }

  /** Imports {@code csv} now and reports every row. */
  public ImportReport importNow(InputStream csv) {
    Path file = spool(csv);
    try {
      int total = check(file);
      List<Row> rows = new ArrayList<>(total);
      try (ContactCsv reader = open(file)) {
        importer.run(reader, rows::addAll);
      }
      Counts counts = Counts.NONE;
      for (Row row : rows) {
        counts = counts.plus(row);
      }
      audit.record(AuditLog.Entry.of("contact.imported", "import", "now-" + UUID.randomUUID())
          .after(Map.of("rows", total, "counts", counts))
          .detail("CSV import of " + total + " rows: " + counts.imported() + " imported, " + counts.updated()
              + " updated, " + counts.rejected() + " rejected"));
      return new ImportReport(total, counts, rows);
    } finally {
      delete(file);
    }
  }

  /**
   * Checks {@code csv} and imports it in the background; follow it with {@link #status}. Fails with
   * {@link ImportsBusyException} while {@code waymark.contacts.imports.threads} imports run.
   */
  public ImportId start(InputStream csv, String fileName) {
    Path file = spool(csv);
    try {
      ImportId id = jobs.create(fileName, check(file), clock.instant());
      running.add(id);
      try {
        executor.execute(() -> run(id, file));
      } catch (TaskRejectedException busy) {
        running.remove(id);
        jobs.fail(id, "refused: " + settings.threads() + " imports were running", clock.instant());
        throw new ImportsBusyException(settings.threads());
      }
      audit.record(AuditLog.Entry.of("contact.import.started", "import", id.value())
          .after(Map.of("file", fileName == null ? "" : fileName, "status", "RUNNING"))
          .detail("CSV import " + id.value() + " of " + (fileName == null ? "a file" : "'" + fileName + "'")
              + " started in the background"));
      return id;
    } catch (RuntimeException e) {
      delete(file);
      throw e;
    }
  }

  /**
   * {@link #start} for a signed-in person: COMPLIANCE, OPS or ADMIN (the REST API, whose machine clients sign in with
   * an API key instead, calls {@link #start}). Audited the same way, with the person as actor.
   */
  @RolesAllowed({"COMPLIANCE", "OPS", "ADMIN"})
  public ImportId startForPerson(InputStream csv, String fileName) {
    return start(csv, fileName);
  }

  /** The import with one page of its issues; a RUNNING import without progress for a while is FAILED first. */
  public Optional<ImportStatus> status(ImportId id, int page, int size) {
    jobs.failStale(clock.instant().minus(settings.staleAfter()), clock.instant());
    return jobs.find(id, page, size);
  }

  private void run(ImportId id, Path file) {
    try (ContactCsv reader = open(file)) {
      importer.run(reader, chunk -> {
        if (!jobs.progress(id, chunk, clock.instant())) {
          throw new IllegalStateException("import " + id + " was marked FAILED while it ran");
        }
      });
      jobs.finish(id, clock.instant());
    } catch (RuntimeException e) {
      LOG.error("Contact import {} failed", id, e);
      jobs.fail(id, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), clock.instant());
    } finally {
      running.remove(id);
      delete(file);
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  void failStaleImports() {
    int stale = jobs.failStale(clock.instant().minus(settings.staleAfter()), clock.instant());
    if (stale > 0) {
      LOG.warn("{} contact imports had stopped without finishing; marked FAILED", stale);
    }
  }

  @PreDestroy
  void shutdown() {
    executor.shutdown();
    for (ImportId id : running) {
      jobs.fail(id, "interrupted: the application shut down during the import; import the file again: rows "
          + "already imported are reported UNCHANGED", clock.instant());
    }
  }

  /** Reads the whole file once: the header must be right and every row readable. Returns the number of rows. */
  private static int check(Path file) {
    try (ContactCsv reader = open(file)) {
      return reader.count();
    }
  }

  private static ContactCsv open(Path file) {
    try {
      return ContactCsv.open(Files.newBufferedReader(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path spool(InputStream csv) {
    try {
      Path file = Files.createTempFile("waymark-contacts-", ".csv");
      try (csv) {
        Files.copy(csv, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the uploaded CSV in a temporary file", e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("Cannot delete temporary import file {}", file, e);
    }
  }

  /** All import threads are busy; try again when one has finished. */
  public static class ImportsBusyException extends RuntimeException {
    ImportsBusyException(int threads) {
      super(threads + " contact imports are running; try again when one has finished");
    }
  }
}
