package io.waymark.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bundled journeys pass Camunda's own compatibility linting: bpmnlint with {@code bpmnlint-plugin-camunda-compat},
 * for Camunda 8.8 (the production cluster, {@code tooling/.bpmnlintrc}) and 8.6 (the embedded broker,
 * {@code tooling/camunda-8.6.bpmnlintrc}). Errors fail, warnings are printed. Needs {@code node} and
 * {@code npm ci --prefix workflows/tooling}; skips without them.
 */
class BpmnlintCompatIT {

  private static Path bundled(String processId) {
    Path file = Path.of("src/main/resources").resolve(Journeys.resource(processId)).toAbsolutePath();
    assertThat(file).as("bundled journey %s (tests run in the workflows module)", processId).isRegularFile();
    return file;
  }

  private static Lint bpmnlint(String config, List<Path> files) throws IOException, InterruptedException {
    Path tooling = CamundaTooling.require();
    Path cli = CamundaTooling.packageFile(tooling, "bpmnlint", "bin/bpmnlint.js");
    List<String> command = new ArrayList<>(List.of("node", cli.toString(), "--config", config));
    files.forEach(file -> command.add(file.toString()));
    Process process;
    try {
      process = new ProcessBuilder(command).directory(tooling.toFile()).redirectErrorStream(true).start();
    } catch (IOException noNode) {
      assumeTrue(false, "node is not on the PATH (" + noNode.getMessage() + "): bpmnlint cannot run");
      throw noNode;
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("bpmnlint finished").isTrue();
    return new Lint(process.exitValue(), output);
  }

  record Lint(int exitCode, String output) {
  }

  @ParameterizedTest
  @ValueSource(strings = {".bpmnlintrc", "camunda-8.6.bpmnlintrc"})
  void bundledJourneysHaveNoCompatibilityErrors(String config) throws Exception {
    Lint lint = bpmnlint(config, Journeys.BUNDLED.stream().map(BpmnlintCompatIT::bundled).toList());
    System.out.println("bpmnlint --config " + config + ":" + lint.output());

    assertThat(lint.exitCode()).as("bpmnlint --config %s exit code; its report:%n%s", config, lint.output())
        .isZero();
  }

  @Test
  void catchesAServiceTaskWithoutAJobType(@TempDir Path dir) throws Exception {
    String model;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(Journeys.resource(Journeys.LEAD_FOLLOW_UP))) {
      model = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path broken = dir.resolve("broken.bpmn");
    Files.writeString(broken, model.replace("type=\"check-consent\" ", ""));

    Lint lint = bpmnlint(".bpmnlintrc", List.of(broken));

    assertThat(lint.exitCode()).isEqualTo(1);
    assertThat(lint.output()).contains("Task_CheckConsent").contains("zeebe:TaskDefinition");
  }
}
