package io.waymark.platform.template;

import io.waymark.platform.MySqlTestDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The template races on a MySQL-family server named by {@code WAYMARK_TEST_MYSQL_URL}, on a fresh database. Skipped
 * when the URL is not set.
 */
@EnabledIfEnvironmentVariable(named = "WAYMARK_TEST_MYSQL_URL", matches = ".+")
class MySqlTemplateRaceIT extends TemplateRaceContractTests {

  private static final MySqlTestDatabase DATABASE = new MySqlTestDatabase("waymark_templates_it");

  @DynamicPropertySource
  static void mysql(DynamicPropertyRegistry registry) throws SQLException {
    DATABASE.register(registry);
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    DATABASE.drop();
  }
}
