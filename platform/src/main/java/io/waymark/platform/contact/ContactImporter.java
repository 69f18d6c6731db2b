package io.waymark.platform.contact;

import io.waymark.platform.contact.ImportReport.Row;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Imports the rows of an open {@link ContactCsv} in chunks of {@value #CHUNK}, one transaction per chunk. One thread
 * reads and checks rows ahead; {@value #WRITERS} threads store chunks side by side (storing mostly waits for the
 * database), except that a chunk holding a number of a chunk still being stored waits for it, so rows of one number
 * are always applied in file order. Reports are handed on in file order. At most two chunks wait read, one is being
 * read and {@value #WRITERS} are being stored: memory does not grow with the file.
 */
@Component
class ContactImporter {

  static final int CHUNK = 500;
  static final int WRITERS = 2;

  private static final List<ImportRow> END = List.of();

  private final ChunkTransactions chunks;
  private final ContactProperties properties;

  ContactImporter(ChunkTransactions chunks, ContactProperties properties) {
    this.chunks = chunks;
    this.properties = properties;
  }

  /** A chunk being stored: its numbers and its report to come. */
  private record InFlight(Set<String> phones, Future<List<Row>> report) {
  }

  /** Stores every row of {@code csv}, handing each chunk's report to {@code done}, in file order, once committed. */
  void run(ContactCsv csv, Consumer<List<Row>> done) {
    BlockingQueue<List<ImportRow>> read = new ArrayBlockingQueue<>(2);
    AtomicReference<RuntimeException> unreadable = new AtomicReference<>();
    Thread readAhead = Thread.ofVirtual().name("contact-import-read-ahead").start(() -> readAhead(csv, read,
        unreadable));
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS, Thread.ofPlatform().name("contact-import-"
        + "writer-", 0).daemon().factory());
    Deque<InFlight> inFlight = new ArrayDeque<>();
    try {
      for (List<ImportRow> next = read.take(); next != END; next = read.take()) {
        List<ImportRow> rows = next;
        Set<String> phones = phones(rows);
        while (mustWait(inFlight, phones)) {
          done.accept(await(inFlight.removeFirst()));
        }
        inFlight.addLast(new InFlight(phones, writers.submit(() -> chunks.store(rows))));
        if (Thread.currentThread().isInterrupted()) {
          throw new ImportInterruptedException();
        }
      }
      while (!inFlight.isEmpty()) {
        done.accept(await(inFlight.removeFirst()));
      }
      if (unreadable.get() != null) {
        throw unreadable.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImportInterruptedException();
    } finally {
      readAhead.interrupt();
      writers.shutdownNow();
      awaitQuietly(readAhead, writers);
    }
  }

  /** Whether all writers are busy or a chunk being stored holds one of {@code phones}. */
  private static boolean mustWait(Deque<InFlight> inFlight, Set<String> phones) {
    return inFlight.size() >= WRITERS
        || inFlight.stream().anyMatch(chunk -> !Collections.disjoint(chunk.phones(), phones));
  }

  private static Set<String> phones(List<ImportRow> rows) {
    return rows.stream().filter(row -> row.contact() != null).map(row -> row.contact().phone())
        .collect(Collectors.toSet());
  }

  private static List<Row> await(InFlight chunk) throws InterruptedException {
    try {
      return chunk.report().get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
    }
  }

  /** Reads and checks the rows of {@code csv} into chunks; {@link #END} after the last (or a failure). */
  private void readAhead(ContactCsv csv, BlockingQueue<List<ImportRow>> read,
      AtomicReference<RuntimeException> failure) {
    ImportRowReader reader = new ImportRowReader(properties.defaultCountry());
    try {
      try {
        List<ImportRow> rows = new ArrayList<>(CHUNK);
        for (ContactCsv.Row row = csv.next(); row != null; row = csv.next()) {
          rows.add(reader.read(row));
          if (rows.size() == CHUNK) {
            read.put(rows);
            rows = new ArrayList<>(CHUNK);
          }
        }
        if (!rows.isEmpty()) {
          read.put(rows);
        }
      } catch (RuntimeException e) {
        failure.set(e);
      }
      read.put(END);
    } catch (InterruptedException stopped) {
      // the storing side has stopped and takes nothing more
    }
  }

  /** Waits for the reader and for chunks still being stored (a failed import must not leave writers behind). */
  private static void awaitQuietly(Thread readAhead, ExecutorService writers) {
    boolean interrupted = false;
    while (true) {
      try {
        readAhead.join();
        writers.awaitTermination(1, TimeUnit.MINUTES);
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** The import thread was interrupted (the application is shutting down). */
  static class ImportInterruptedException extends RuntimeException {
    ImportInterruptedException() {
      super("interrupted: the application shut down during the import");
    }
  }
}
