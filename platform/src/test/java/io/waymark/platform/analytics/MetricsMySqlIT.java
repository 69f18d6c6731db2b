package io.waymark.platform.analytics;

import io.waymark.platform.MySqlTestDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ProgramMetricsTests} (every native metrics query) on a MySQL-family server; skipped without the URL. */
@EnabledIfEnvironmentVariable(named = "WAYMARK_TEST_MYSQL_URL", matches = ".+")
class MetricsMySqlIT extends ProgramMetricsTests {

  private static final MySqlTestDatabase DATABASE = new MySqlTestDatabase("waymark_analytics_metrics");

  @DynamicPropertySource
  static void mysql(DynamicPropertyRegistry registry) throws SQLException {
    DATABASE.register(registry);
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    DATABASE.drop();
  }
}
