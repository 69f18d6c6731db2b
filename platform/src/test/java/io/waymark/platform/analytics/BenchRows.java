package io.waymark.platform.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Rows of one table buffered for a multi-row {@code INSERT ... VALUES (...), (...)} of {@link #ROWS} rows at a time
 * (one statement per chunk on H2 and MySQL / MariaDB alike, which Connector/J does not need
 * {@code rewriteBatchedStatements} for). Instants are epoch seconds, written as UTC date-times as Hibernate stores them.
 */
final class BenchRows implements AutoCloseable {

  static final int ROWS = 500;

  private final Connection connection;
  private final String into;
  private final int columns;
  private final List<Object[]> rows = new ArrayList<>(ROWS);
  private PreparedStatement full;
  private long written;

  /** {@code into}: the table and its columns, e.g. {@code inbound_message (id, provider, ...)}. */
  BenchRows(Connection connection, String into) {
    this.connection = connection;
    this.into = into;
    this.columns = into.substring(into.indexOf('(') + 1, into.lastIndexOf(')')).split(",").length;
  }

  /** A date-time column's value for the instant {@code epochSecond}. */
  static LocalDateTime at(long epochSecond) {
    return LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
  }

  void add(Object... row) throws SQLException {
    if (row.length != columns) {
      throw new IllegalArgumentException(into + ": " + row.length + " values for " + columns + " columns");
    }
    rows.add(row);
    if (rows.size() == ROWS) {
      flush();
    }
  }

  long written() {
    return written + rows.size();
  }

  void flush() throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    PreparedStatement statement;
    if (rows.size() == ROWS) {
      if (full == null) {
        full = connection.prepareStatement(sql(ROWS));
      }
      statement = full;
    } else {
      statement = connection.prepareStatement(sql(rows.size()));
    }
    int i = 1;
    for (Object[] row : rows) {
      for (Object value : row) {
        if (value == null) {
          statement.setNull(i++, Types.NULL);
        } else {
          statement.setObject(i++, value);
        }
      }
    }
    statement.executeUpdate();
    if (statement != full) {
      statement.close();
    }
    written += rows.size();
    rows.clear();
  }

  private String sql(int n) {
    String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
    return "INSERT INTO " + into + " VALUES " + String.join(", ", Collections.nCopies(n, row));
  }

  @Override
  public void close() throws SQLException {
    flush();
    if (full != null) {
      full.close();
    }
  }
}
