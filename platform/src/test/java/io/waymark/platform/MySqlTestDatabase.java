package io.waymark.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh database on the MySQL-family server named by {@code WAYMARK_TEST_MYSQL_URL} (e.g.
 * {@code jdbc:mysql://127.0.0.1:3306/test}), created for one test class and dropped after it: user and password from {@code WAYMARK_TEST_MYSQL_USER} / {@code _PASSWORD}, Hibernate
 * dialect and server version from {@code WAYMARK_TEST_MYSQL_DIALECT} / {@code _VERSION} (MariaDB needs both:
 * Connector/J reports it as MySQL 5.5.5, and Hibernate must neither guess the dialect nor drop fractional seconds).
 */
public final class MySqlTestDatabase {

  static final String URL = System.getenv("WAYMARK_TEST_MYSQL_URL");

  private final String name;

  /** A database named {@code <prefix>_<random>}. */
  public MySqlTestDatabase(String prefix) {
    this.name = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
  }

  public static boolean configured() {
    return URL != null && !URL.isBlank();
  }

  /** Creates the database and points the application at it. */
  public void register(DynamicPropertyRegistry registry) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }
    int query = URL.indexOf('?');
    String base = query < 0 ? URL : URL.substring(0, query);
    int slash = base.indexOf('/', base.toLowerCase(Locale.ROOT).indexOf("//") + 2);
    String server = slash < 0 ? base : base.substring(0, slash);
    String url = server + "/" + name + (query < 0 ? "" : URL.substring(query));
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", MySqlTestDatabase::user);
    registry.add("spring.datasource.password", MySqlTestDatabase::password);
    String dialect = System.getenv("WAYMARK_TEST_MYSQL_DIALECT");
    if (dialect != null && !dialect.isBlank()) {
      registry.add("spring.jpa.database-platform", () -> dialect);
    }
    String version = System.getenv("WAYMARK_TEST_MYSQL_VERSION");
    if (version != null && !version.isBlank()) {
      registry.add("spring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access", () -> "false");
      registry.add("spring.jpa.properties.jakarta.persistence.database-product-version", () -> version);
      registry.add("spring.jpa.properties.jakarta.persistence.database-major-version", () -> version.split("\\.")[0]);
      registry.add("spring.jpa.properties.jakarta.persistence.database-minor-version", () -> version.split("\\.")[1]);
    }
  }

  public void drop() throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
    }
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(URL, user(), password());
  }

  private static String user() {
    String user = System.getenv("WAYMARK_TEST_MYSQL_USER");
    return user == null ? "root" : user;
  }

  private static String password() {
    String password = System.getenv("WAYMARK_TEST_MYSQL_PASSWORD");
    return password == null ? "" : password;
  }
}
