package io.waymark.platform;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The persistence contract on a MySQL-family server, named by {@code WAYMARK_TEST_MYSQL_URL}, on a fresh database
 * (see {@link MySqlTestDatabase}). Skipped when the URL is not set.
 */
@EnabledIfEnvironmentVariable(named = "WAYMARK_TEST_MYSQL_URL", matches = ".+")
class MySqlPersistenceIT extends PersistenceContractTests {

  private static final MySqlTestDatabase DATABASE = new MySqlTestDatabase("waymark_it");

  @DynamicPropertySource
  static void mysql(DynamicPropertyRegistry registry) throws SQLException {
    DATABASE.register(registry);
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    DATABASE.drop();
  }
}
