package io.waymark.platform.crm;

import io.waymark.platform.MySqlTestDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link RoutingTests} on a MySQL-family server (row locks of the round robin); skipped without the URL. */
@EnabledIfEnvironmentVariable(named = "WAYMARK_TEST_MYSQL_URL", matches = ".+")
class RoutingMySqlIT extends RoutingTests {

  private static final MySqlTestDatabase DATABASE = new MySqlTestDatabase("waymark_crm_routing");

  @DynamicPropertySource
  static void mysql(DynamicPropertyRegistry registry) throws SQLException {
    DATABASE.register(registry);
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    DATABASE.drop();
  }
}
