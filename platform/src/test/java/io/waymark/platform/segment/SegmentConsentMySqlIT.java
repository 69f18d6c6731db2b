package io.waymark.platform.segment;

import io.waymark.platform.MySqlTestDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link SegmentConsentTests} on a MySQL-family server; skipped without {@code WAYMARK_TEST_MYSQL_URL}. */
@EnabledIfEnvironmentVariable(named = "WAYMARK_TEST_MYSQL_URL", matches = ".+")
class SegmentConsentMySqlIT extends SegmentConsentTests {

  private static final MySqlTestDatabase DATABASE = new MySqlTestDatabase("waymark_segment_consent");

  @DynamicPropertySource
  static void mysql(DynamicPropertyRegistry registry) throws SQLException {
    DATABASE.register(registry);
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    DATABASE.drop();
  }
}
