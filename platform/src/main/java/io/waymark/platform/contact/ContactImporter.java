package io.waymark.platform.contact;

import io.waymark.platform.contact.ImportReport.Outcome;
import io.waymark.platform.contact.ImportReport.Row;
import io.waymark.platform.contact.ImportRow.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the rows of an open {@link ContactCsv} in chunks of {@value #CHUNK}, one transaction per chunk, holding
 * at most four chunks in memory (the one being stored, two read ahead, one being read). A chunk the database
 * refuses is stored again row by row, each row in its own transaction, so that one bad row never costs the others.
 * An unreachable database ends the import.
 */
@Component
class ContactImporter {

  static final int CHUNK = 500;

  private static final List<ImportRow> END = List.of();

  private static final Logger LOG = LoggerFactory.getLogger(ContactImporter.class);

  private final ImportChunk chunk;
  private final TransactionTemplate transactions;
  private final ContactProperties properties;

  ContactImporter(ImportChunk chunk, PlatformTransactionManager transactions, ContactProperties properties) {
    this.chunk = chunk;
    this.transactions = new TransactionTemplate(transactions);
    this.properties = properties;
  }

  /** Stores every row of {@code csv}, handing each chunk's report to {@code done} after its commit. */
  void run(ContactCsv csv, Consumer<List<Row>> done) {
    BlockingQueue<List<ImportRow>> chunks = new ArrayBlockingQueue<>(2);
    AtomicReference<RuntimeException> unreadable = new AtomicReference<>();
    // reading and checking rows (CPU) overlaps with storing the chunk before (mostly waiting for the database)
    Thread readAhead = Thread.ofVirtual().name("contact-import-read-ahead").start(() -> readAhead(csv, chunks,
        unreadable));
    try {
      for (List<ImportRow> rows = chunks.take(); rows != END; rows = chunks.take()) {
        done.accept(store(rows));
        if (Thread.currentThread().isInterrupted()) {
          throw new ImportInterruptedException();
        }
      }
      if (unreadable.get() != null) {
        throw unreadable.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImportInterruptedException();
    } finally {
      readAhead.interrupt();
      join(readAhead);
    }
  }

  /** Reads and checks the rows of {@code csv} into chunks; {@link #END} after the last (or a failure). */
  private void readAhead(ContactCsv csv, BlockingQueue<List<ImportRow>> chunks,
      AtomicReference<RuntimeException> failure) {
    ImportRowReader reader = new ImportRowReader(properties.defaultCountry());
    try {
      try {
        List<ImportRow> rows = new ArrayList<>(CHUNK);
        for (ContactCsv.Row row = csv.next(); row != null; row = csv.next()) {
          rows.add(reader.read(row));
          if (rows.size() == CHUNK) {
            chunks.put(rows);
            rows = new ArrayList<>(CHUNK);
          }
        }
        if (!rows.isEmpty()) {
          chunks.put(rows);
        }
      } catch (RuntimeException e) {
        failure.set(e);
      }
      chunks.put(END);
    } catch (InterruptedException stopped) {
      // the storing side has stopped and takes nothing more
    }
  }

  private static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private List<Row> store(List<ImportRow> rows) {
    Map<Long, Problem> rejectedConsents = new HashMap<>();
    while (true) {
      try {
        return transactions.execute(status -> chunk.store(rows, rejectedConsents));
      } catch (ImportChunk.ConsentsRejected rejected) {
        // the transaction is rolled back; the next attempt does not offer these consents again
        LOG.debug("{} consents of a chunk were rejected; storing the chunk again without them",
            rejected.rejected.size());
        rejectedConsents.putAll(rejected.rejected);
      } catch (DataAccessResourceFailureException | TransientDataAccessResourceException unreachable) {
        throw unreachable;
      } catch (DataAccessException refused) {
        if (rows.size() > 1) {
          LOG.info("A chunk of {} import rows was refused ({}); storing them one by one", rows.size(),
              refused.getClass().getSimpleName());
          List<Row> report = new ArrayList<>();
          rows.forEach(row -> report.addAll(store(List.of(row))));
          return report;
        }
        return List.of(failed(rows.getFirst(), refused));
      }
    }
  }

  private static Row failed(ImportRow row, DataAccessException e) {
    String phone = row.contact() == null ? null : row.contact().phone();
    LOG.warn("Import row at line {} ({}) could not be stored: {}", row.line(), PhoneNumbers.mask(phone),
        e.getMostSpecificCause().getClass().getSimpleName());
    String cause = String.valueOf(e.getMostSpecificCause().getMessage());
    return new Row(row.line(), row.externalId(), Outcome.REJECTED, phone, null, "row",
        "could not be stored: " + (cause.length() > 300 ? cause.substring(0, 300) + "…" : cause), row.warnings());
  }

  /** The import thread was interrupted (the application is shutting down). */
  static class ImportInterruptedException extends RuntimeException {
    ImportInterruptedException() {
      super("interrupted: the application shut down during the import");
    }
  }
}
