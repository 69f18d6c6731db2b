package io.waymark.engine;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;

/** The broker's output file: appended across runs, rotated once past 20 MB, its last lines quoted on failure. */
final class BrokerLog {

  private static final long MAX_LOG_BYTES = 20L * 1024 * 1024;
  private static final int LOG_LINES_ON_FAILURE = 40;

  private final Path logFile;

  BrokerLog(Path logFile) {
    this.logFile = logFile;
  }

  Path file() {
    return logFile;
  }

  /** Rotates a large log and writes {@code banner}; returns where this run's output begins. */
  long begin(String banner) throws IOException {
    Files.createDirectories(logFile.getParent());
    if (Files.exists(logFile) && Files.size(logFile) > MAX_LOG_BYTES) {
      Files.move(logFile, logFile.resolveSibling(logFile.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
    }
    Files.writeString(logFile, banner, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    return Files.size(logFile);
  }

  /** The last lines this run wrote to the log. */
  String tail(long fromOffset) {
    Deque<String> lines = new ArrayDeque<>();
    try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
      long start = Math.max(fromOffset, file.length() - 64 * 1024);
      file.seek(start);
      byte[] bytes = new byte[(int) (file.length() - start)];
      file.readFully(bytes);
      new String(bytes, StandardCharsets.UTF_8).lines().forEach(line -> {
        lines.addLast(line);
        if (lines.size() > LOG_LINES_ON_FAILURE) {
          lines.removeFirst();
        }
      });
    } catch (IOException e) {
      return "(could not read it: " + e.getMessage() + ")";
    }
    return String.join("\n", lines);
  }
}
