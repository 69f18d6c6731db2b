package io.waymark.platform.contact;

import io.waymark.platform.support.InvalidInputException;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a contact CSV (RFC 4180: comma-separated, double quotes, any line ending, UTF-8 with or without BOM): a
 * header row naming known columns ({@link #COLUMNS}, case-insensitive) or attributes ({@code attr_<name>}), then
 * data rows. A bad header or unreadable CSV is an {@link InvalidInputException} on field {@code file} or naming the
 * column.
 */
final class ContactCsv implements Closeable {

  static final List<String> COLUMNS = List.of("external_id", "phone", "country", "first_name", "last_name", "email",
      "timezone", "state", "locale", "lifecycle_stage", "owner", "topics", "consent_topics", "consent_channel",
      "consent_text", "consented_at");
  static final String ATTRIBUTE_PREFIX = "attr_";

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

  /** One data row: its first line in the file and its values by column; {@code problem} if it cannot be read. */
  record Row(long line, Map<String, String> values, String problem) {

    String get(String column) {
      String value = values.get(column);
      return value == null || value.isBlank() ? null : value.strip();
    }
  }

  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final List<String> header;

  private ContactCsv(Reader reader) throws IOException {
    this.parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
    this.records = parser.iterator();
    this.header = header();
  }

  /** Opens {@code reader} and checks the header; the caller closes the result. */
  static ContactCsv open(Reader reader) {
    try {
      return new ContactCsv(reader);
    } catch (IOException | UncheckedIOException e) {
      throw new InvalidInputException("file", "is not readable CSV: " + message(e));
    }
  }

  /** Reads every remaining row to check the file is readable CSV; returns the number of data rows. */
  int count() {
    int rows = 0;
    while (next() != null) {
      rows++;
    }
    return rows;
  }

  /** The next data row, or null at the end; empty lines are skipped. */
  Row next() {
    try {
      while (true) {
        long line = parser.getCurrentLineNumber() + 1;
        if (!records.hasNext()) {
          return null;
        }
        CSVRecord record = records.next();
        if (record.size() == 1 && record.get(0).isBlank()) {
          continue;
        }
        if (record.size() != header.size()) {
          return new Row(line, Map.of(), "has " + record.size() + " values but the header has " + header.size()
              + " columns");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          values.put(header.get(i), record.get(i));
        }
        return new Row(line, values, null);
      }
    } catch (UncheckedIOException e) {
      throw new InvalidInputException("file",
          "is not readable CSV after line " + parser.getCurrentLineNumber() + ": " + message(e));
    }
  }

  private List<String> header() {
    if (!records.hasNext()) {
      throw new InvalidInputException("file", "is empty: a header row naming the columns is required");
    }
    List<String> columns = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String raw : records.next()) {
      String column = raw.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
      if (!COLUMNS.contains(column) && !(column.startsWith(ATTRIBUTE_PREFIX) && column.length() > 5)) {
        throw new InvalidInputException(column.isEmpty() ? "file" : column, (column.isEmpty() ? "has an empty "
            + "column name in its header" : "is not a known column") + "; known: " + String.join(", ", COLUMNS)
            + ", and attr_<name> for attributes");
      }
      if (!seen.add(column)) {
        throw new InvalidInputException(column, "appears twice in the header");
      }
      columns.add(column);
    }
    if (!seen.contains("phone")) {
      throw new InvalidInputException("phone", "column is missing from the header");
    }
    return columns;
  }

  private static String message(Exception e) {
    Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
    return cause.getMessage();
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
