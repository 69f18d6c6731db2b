package io.waymark.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZeebeDistributionTests {

  @TempDir
  Path root;

  @Test
  void extractsAnArchiveOnceKeepingScriptsExecutable() throws IOException {
    Path archive = archive(root.resolve("camunda-zeebe-9.9.9.tar.gz"), "camunda-zeebe-9.9.9/");
    ZeebeDistribution distribution = distribution(archive.toString(), "9.9.9");

    ZeebeDistribution.Installation installation = distribution.install();

    Path expected = root.resolve("data/zeebe-dist/camunda-zeebe-9.9.9");
    assertThat(installation.home()).isEqualTo(expected);
    assertThat(installation.version()).isEqualTo("9.9.9");
    assertThat(installation.lib().resolve("zeebe-broker-9.9.9.jar")).hasContent("jar");
    assertThat(Files.getPosixFilePermissions(expected.resolve("bin/broker")))
        .contains(PosixFilePermission.OWNER_EXECUTE);
    assertThat(root.resolve("data/zeebe-dist")).isDirectoryNotContaining("glob:**/.extracting-*");

    Files.writeString(installation.lib().resolve("marker"), "kept");
    assertThat(distribution.install()).isEqualTo(installation);
    assertThat(installation.lib().resolve("marker")).as("not extracted a second time").exists();
  }

  @Test
  void findsAnEarlierExtractionWithoutTheArchive() throws IOException {
    Path archive = archive(root.resolve("camunda-zeebe-9.9.9.tar.gz"), "camunda-zeebe-9.9.9/");
    ZeebeDistribution.Installation first = distribution(archive.toString(), "9.9.9").install();
    Files.delete(archive);

    assertThat(distribution("", "9.9.9").install()).isEqualTo(first);
  }

  @Test
  void usesTheLocalMavenRepositoryAndAcceptsAnExtractedDirectory() throws IOException {
    Path repository = root.resolve("m2/io/camunda/camunda-zeebe/9.9.8");
    Files.createDirectories(repository);
    archive(repository.resolve("camunda-zeebe-9.9.8.tar.gz"), "camunda-zeebe-9.9.8/");

    ZeebeDistribution.Installation installation = distribution("", "9.9.8").install();
    assertThat(installation.version()).isEqualTo("9.9.8");

    assertThat(distribution(installation.home().toString(), "ignored").install().home())
        .isEqualTo(installation.home());
  }

  @Test
  void explainsHowToGetAMissingDistribution() {
    assertThatThrownBy(() -> distribution("", "9.9.7").install())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("No Zeebe 9.9.7 distribution found")
        .hasMessageContaining("./mvnw -pl ui -am package -DskipTests")
        .hasMessageContaining("WAYMARK_ENGINE_EMBEDDED_DISTRIBUTION");
    assertThatThrownBy(() -> distribution(root.resolve("nope.tar.gz").toString(), "9.9.7").install())
        .hasMessageContaining("nope.tar.gz, which does not exist");
  }

  @Test
  void refusesEntriesOutsideTheDestination() throws IOException {
    Path archive = archive(root.resolve("camunda-zeebe-6.6.6.tar.gz"), "../../escaped/");
    assertThatThrownBy(() -> distribution(archive.toString(), "6.6.6").install())
        .hasRootCauseMessage("Refusing archive entry outside the destination: ../../escaped/bin/broker");
    assertThat(root.resolve("escaped")).doesNotExist();
    assertThat(root.resolve("data/zeebe-dist/camunda-zeebe-6.6.6")).doesNotExist();
  }

  @Test
  void translatesTarModesToPermissions() {
    assertThat(ZeebeDistribution.permissions(0755)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
        PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);
    assertThat(ZeebeDistribution.permissions(0)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
        PosixFilePermission.OWNER_WRITE);
  }

  private ZeebeDistribution distribution(String configured, String version) {
    EmbeddedEngineProperties properties = new EmbeddedEngineProperties(true, null, 0, 0, 0, 0, 0, null, configured,
        version, Duration.ofSeconds(5), Map.of());
    return new ZeebeDistribution(properties, root.resolve("data/zeebe-dist"), root.resolve("work"),
        root.resolve("m2"));
  }

  /** A miniature distribution: bin/broker (0755) and lib/zeebe-broker-VERSION.jar under {@code prefix}. */
  private static Path archive(Path file, String prefix) throws IOException {
    String version = file.getFileName().toString().replace("camunda-zeebe-", "").replace(".tar.gz", "");
    try (OutputStream out = Files.newOutputStream(file);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
      add(tar, prefix + "bin/broker", "#!/bin/sh", 0755);
      add(tar, prefix + "lib/zeebe-broker-" + version + ".jar", "jar", 0644);
    }
    return file;
  }

  private static void add(TarArchiveOutputStream tar, String name, String content, int mode) throws IOException {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry entry = new TarArchiveEntry(name, true);
    entry.setSize(bytes.length);
    entry.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~0777 | mode);
    tar.putArchiveEntry(entry);
    tar.write(bytes);
    tar.closeArchiveEntry();
  }
}
