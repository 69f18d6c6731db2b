package io.waymark.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.FileSystemUtils;

/**
 * The database a benchmark runs on: a fresh one on the MySQL-family server when {@code WAYMARK_TEST_MYSQL_URL} is
 * set ({@link MySqlTestDatabase}), else an H2 file database in MySQL mode under {@code target/<name>} (a file, not
 * memory, so that sizes and times are those of the embedded default), emptied before and, unless kept, after the run.
 */
public final class BenchDatabase {

  private final Path h2Directory;
  private final String h2Options;
  private final MySqlTestDatabase mysql;

  /** {@code h2Options}: further settings appended to the H2 URL (e.g. {@code ";OPTIMIZE_REUSE_RESULTS=FALSE"}). */
  public BenchDatabase(String name, String h2Options) {
    this.h2Directory = Path.of("target", name);
    this.h2Options = h2Options;
    this.mysql = new MySqlTestDatabase("waymark_" + name.replace('-', '_'));
  }

  /** Creates the database (an empty H2 directory, or a new database on the server) and points the application at it. */
  public void register(DynamicPropertyRegistry registry) throws SQLException, IOException {
    if (MySqlTestDatabase.configured()) {
      mysql.register(registry);
      return;
    }
    FileSystemUtils.deleteRecursively(h2Directory);
    Files.createDirectories(h2Directory);
    registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + h2Directory.toAbsolutePath().resolve("db")
        + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_ON_EXIT=FALSE" + h2Options);
  }

  /** Drops the server's database, or deletes the H2 files unless {@code keepH2} (to look at plans afterwards). */
  public void drop(boolean keepH2) throws SQLException, IOException {
    if (MySqlTestDatabase.configured()) {
      mysql.drop();
    } else if (!keepH2) {
      FileSystemUtils.deleteRecursively(h2Directory);
    }
  }
}
