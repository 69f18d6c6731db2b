package io.waymark.platform.segment;

import io.waymark.platform.MySqlTestDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link SegmentEvaluationTests} on a MySQL-family server; skipped without {@code WAYMARK_TEST_MYSQL_URL}. */
@EnabledIfEnvironmentVariable(named = "WAYMARK_TEST_MYSQL_URL", matches = ".+")
class SegmentMySqlIT extends SegmentEvaluationTests {

  private static final MySqlTestDatabase DATABASE = new MySqlTestDatabase("waymark_segments");

  @DynamicPropertySource
  static void mysql(DynamicPropertyRegistry registry) throws SQLException {
    DATABASE.register(registry);
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    DATABASE.drop();
  }
}
