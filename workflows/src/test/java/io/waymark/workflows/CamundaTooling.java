package io.waymark.workflows;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Camunda's own checks as npm packages in {@code workflows/tooling} (the element templates JSON schema, bpmnlint with
 * the camunda-compat plugin), installed by {@code npm ci --prefix workflows/tooling}. Found through
 * {@code WAYMARK_WORKFLOWS_TOOLING} (the directory holding {@code node_modules}) or relative to the working directory;
 * tests that need them skip cleanly when they are not installed.
 */
final class CamundaTooling {

  static final String INSTALL = "npm ci --prefix workflows/tooling";

  private CamundaTooling() {
  }

  /** The tooling directory with its {@code node_modules}; skips the calling test when it is not installed. */
  static Path require() {
    Path found = Stream.of(System.getenv("WAYMARK_WORKFLOWS_TOOLING"), "tooling", "workflows/tooling")
        .filter(candidate -> candidate != null && !candidate.isBlank())
        .map(candidate -> Path.of(candidate).toAbsolutePath().normalize())
        .filter(candidate -> Files.isDirectory(candidate.resolve("node_modules")))
        .findFirst().orElse(null);
    assumeTrue(found != null, "Camunda's npm tooling is not installed (no workflows/tooling/node_modules): run `"
        + INSTALL + "` (Node 20+) or point WAYMARK_WORKFLOWS_TOOLING at it");
    return found;
  }

  /** A file inside an installed npm package; skips the calling test when it is missing. */
  static Path packageFile(Path tooling, String packageName, String file) {
    Path path = tooling.resolve("node_modules").resolve(packageName).resolve(file);
    assumeTrue(Files.isRegularFile(path), "npm package " + packageName + " is not installed in " + tooling
        + " (no " + file + "): run `" + INSTALL + "`");
    return path;
  }
}
