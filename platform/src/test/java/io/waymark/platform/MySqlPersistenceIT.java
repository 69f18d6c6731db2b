package io.waymark.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The persistence contract on a MySQL-family server, named by {@code WAYMARK_TEST_MYSQL_URL} (e.g.
 * {@code jdbc:mysql://127.0.0.1:3306/test}); user and password from {@code WAYMARK_TEST_MYSQL_USER} /
 * {@code WAYMARK_TEST_MYSQL_PASSWORD}; {@code WAYMARK_TEST_MYSQL_DIALECT} names the Hibernate dialect (MariaDB needs
 * {@code org.hibernate.dialect.MariaDBDialect}: Connector/J reports it as MySQL 5.5.5). Each run gets a fresh
 * database, dropped afterwards. Skipped when the URL is not set.
 */
@EnabledIfEnvironmentVariable(named = "WAYMARK_TEST_MYSQL_URL", matches = ".+")
class MySqlPersistenceIT extends PersistenceContractTests {

  private static final String DATABASE = "waymark_it_" + UUID.randomUUID().toString().substring(0, 8);

  @DynamicPropertySource
  static void mysql(DynamicPropertyRegistry registry) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }
    registry.add("spring.datasource.url", () -> databaseUrl(DATABASE));
    registry.add("spring.datasource.username", MySqlPersistenceIT::user);
    registry.add("spring.datasource.password", MySqlPersistenceIT::password);
    String dialect = System.getenv("WAYMARK_TEST_MYSQL_DIALECT");
    if (dialect != null && !dialect.isBlank()) {
      registry.add("spring.jpa.database-platform", () -> dialect);
    }
    String version = System.getenv("WAYMARK_TEST_MYSQL_VERSION");
    if (version != null && !version.isBlank()) {
      // Connector/J reports MariaDB as 5.5.5; Hibernate then drops fractional seconds. Name the real version.
      registry.add("spring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access", () -> "false");
      registry.add("spring.jpa.properties.jakarta.persistence.database-product-version", () -> version);
      registry.add("spring.jpa.properties.jakarta.persistence.database-major-version", () -> version.split("\\.")[0]);
      registry.add("spring.jpa.properties.jakarta.persistence.database-minor-version", () -> version.split("\\.")[1]);
    }
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
    }
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(System.getenv("WAYMARK_TEST_MYSQL_URL"), user(), password());
  }

  /** The configured URL with its database replaced by {@code database}, query parameters kept. */
  static String databaseUrl(String database) {
    String url = System.getenv("WAYMARK_TEST_MYSQL_URL");
    int query = url.indexOf('?');
    String base = query < 0 ? url : url.substring(0, query);
    String params = query < 0 ? "" : url.substring(query);
    int slash = base.indexOf('/', base.toLowerCase(Locale.ROOT).indexOf("//") + 2);
    String server = slash < 0 ? base : base.substring(0, slash);
    return server + "/" + database + params;
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
