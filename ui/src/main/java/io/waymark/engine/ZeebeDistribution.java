package io.waymark.engine;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the Zeebe broker distribution ({@code io.camunda:camunda-zeebe:VERSION:tar.gz}) and unpacks it once. Never
 * downloads anything. Looks, in order, at:
 * <ol>
 *   <li>{@code waymark.engine.embedded.distribution}: a tar.gz or an already extracted directory;</li>
 *   <li>a previous extraction, {@code <extraction-root>/camunda-zeebe-VERSION};</li>
 *   <li>the build output, {@code target/zeebe/camunda-zeebe-VERSION.tar.gz} and {@code ui/target/zeebe/...} relative to
 *       the working directory (the ui module's build copies the artifact there);</li>
 *   <li>the local Maven repository ({@code maven.repo.local} or {@code ~/.m2/repository}).</li>
 * </ol>
 * An archive is extracted into a temporary directory beside its destination and renamed into place in one step, so a
 * half-extracted distribution is never used.
 */
final class ZeebeDistribution {

  private static final Logger LOG = LoggerFactory.getLogger(ZeebeDistribution.class);
  private static final String BROKER_JAR_PREFIX = "zeebe-broker-";
  private static final String EXTRACTING_PREFIX = ".extracting-";

  private final EmbeddedEngineProperties properties;
  private final Path extractionRoot;
  private final Path workingDirectory;
  private final Path mavenRepository;

  /** Extracts into {@code <dataDir>/zeebe-dist}, searching the current directory and the user's Maven repository. */
  ZeebeDistribution(EmbeddedEngineProperties properties, Path dataDir) {
    this(properties, dataDir.resolve("zeebe-dist"), Path.of("").toAbsolutePath(), defaultMavenRepository());
  }

  ZeebeDistribution(EmbeddedEngineProperties properties, Path extractionRoot, Path workingDirectory,
      Path mavenRepository) {
    this.properties = properties;
    this.extractionRoot = extractionRoot.toAbsolutePath().normalize();
    this.workingDirectory = workingDirectory;
    this.mavenRepository = mavenRepository;
  }

  /** A distribution ready to run: {@code home} holds {@code lib/}; {@code version} is read from the broker jar. */
  record Installation(Path home, String version) {

    Path lib() {
      return home.resolve("lib");
    }
  }

  /** Finds the distribution, extracting it first if it is an archive that was not extracted before. */
  synchronized Installation install() {
    Path source = locate();
    if (Files.isDirectory(source)) {
      return inspect(source).orElseThrow(() -> new IllegalStateException(
          source + " is not a Zeebe distribution: it has no lib/" + BROKER_JAR_PREFIX + "*.jar"));
    }
    Path target = extractionRoot.resolve(baseName(source));
    Optional<Installation> extracted = inspect(target);
    if (extracted.isPresent()) {
      return extracted.get();
    }
    try {
      return extract(source, target);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not extract the Zeebe distribution " + source + " into " + target, e);
    }
  }

  /** Where the distribution comes from: a directory or a tar.gz. */
  Path locate() {
    String version = properties.version();
    String archive = "camunda-zeebe-" + version + ".tar.gz";
    if (!properties.distribution().isEmpty()) {
      Path explicit = Path.of(properties.distribution()).toAbsolutePath().normalize();
      if (!Files.exists(explicit)) {
        throw new IllegalStateException("waymark.engine.embedded.distribution points to " + explicit
            + ", which does not exist. Build it with ./mvnw -pl ui -am package -DskipTests, or point "
            + "WAYMARK_ENGINE_EMBEDDED_DISTRIBUTION at a camunda-zeebe-" + version + ".tar.gz or an extracted copy.");
      }
      return explicit;
    }
    List<Path> candidates = List.of(
        extractionRoot.resolve("camunda-zeebe-" + version),
        workingDirectory.resolve("target/zeebe").resolve(archive),
        workingDirectory.resolve("ui/target/zeebe").resolve(archive),
        mavenRepository.resolve("io/camunda/camunda-zeebe").resolve(version).resolve(archive));
    for (Path candidate : candidates) {
      if (Files.isDirectory(candidate) ? inspect(candidate).isPresent() : Files.isRegularFile(candidate)) {
        return candidate.toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException("No Zeebe " + version + " distribution found; looked at " + candidates
        + ". Run ./mvnw -pl ui -am package -DskipTests (it copies io.camunda:camunda-zeebe:" + version
        + ":tar.gz from Maven into ui/target/zeebe), or set WAYMARK_ENGINE_EMBEDDED_DISTRIBUTION to a camunda-zeebe-"
        + version + ".tar.gz or an extracted copy. Nothing is downloaded at runtime.");
  }

  private Installation extract(Path archive, Path target) throws IOException {
    Files.createDirectories(extractionRoot);
    deleteAbandonedExtractions();
    long started = System.nanoTime();
    LOG.info("Extracting the Zeebe distribution {} into {} (once)", archive, target);
    Path scratch = Files.createTempDirectory(extractionRoot, EXTRACTING_PREFIX);
    try {
      unpack(archive, scratch);
      Path home = singleTopDirectory(scratch);
      Installation unpacked = inspect(home).orElseThrow(() -> new IllegalStateException(
          archive + " is not a Zeebe distribution: it has no lib/" + BROKER_JAR_PREFIX + "*.jar"));
      try {
        Files.move(home, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(home, target);
      } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
        LOG.info("{} was extracted concurrently; using that copy", target);
      }
      LOG.info("Extracted Zeebe {} in {} s", unpacked.version(), seconds(started));
      return inspect(target).orElseThrow();
    } finally {
      deleteRecursively(scratch);
    }
  }

  private static void unpack(Path archive, Path into) throws IOException {
    boolean posix = Files.getFileAttributeView(into, PosixFileAttributeView.class) != null;
    try (InputStream file = Files.newInputStream(archive);
        TarArchiveInputStream tar = new TarArchiveInputStream(
            new GzipCompressorInputStream(new BufferedInputStream(file, 1 << 16)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path destination = into.resolve(entry.getName()).normalize();
        if (!destination.startsWith(into)) {
          throw new IOException("Refusing archive entry outside the destination: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(destination);
        } else if (entry.isFile()) {
          Files.createDirectories(destination.getParent());
          Files.copy(tar, destination);
          if (posix) {
            Files.setPosixFilePermissions(destination, permissions(entry.getMode()));
          }
        } else {
          LOG.debug("Skipping archive entry {} (neither file nor directory)", entry.getName());
        }
      }
    }
  }

  /** The entry's mode bits as permissions; the owner can always read and write. */
  static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> permissions = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    PosixFilePermission[] bits = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
    for (int bit = 0; bit < bits.length; bit++) {
      if ((mode & (1 << bit)) != 0) {
        permissions.add(bits[bit]);
      }
    }
    return permissions;
  }

  /** The archive's single top-level directory (camunda-zeebe-VERSION/), or the scratch directory itself. */
  private static Path singleTopDirectory(Path scratch) throws IOException {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(scratch)) {
      entries.forEach(children::add);
    }
    return children.size() == 1 && Files.isDirectory(children.getFirst()) ? children.getFirst() : scratch;
  }

  /** The installation in {@code home} if it holds {@code lib/zeebe-broker-VERSION.jar}. */
  static Optional<Installation> inspect(Path home) {
    Path lib = home.resolve("lib");
    if (!Files.isDirectory(lib)) {
      return Optional.empty();
    }
    try (Stream<Path> jars = Files.list(lib)) {
      return jars.map(jar -> jar.getFileName().toString())
          .filter(name -> name.startsWith(BROKER_JAR_PREFIX) && name.endsWith(".jar"))
          .map(name -> name.substring(BROKER_JAR_PREFIX.length(), name.length() - ".jar".length()))
          .findFirst()
          .map(version -> new Installation(home.toAbsolutePath().normalize(), version));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private void deleteAbandonedExtractions() throws IOException {
    try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(extractionRoot, EXTRACTING_PREFIX + "*")) {
      for (Path leftover : leftovers) {
        LOG.info("Deleting the abandoned extraction {}", leftover);
        deleteRecursively(leftover);
      }
    }
  }

  static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private static String baseName(Path archive) {
    String name = archive.getFileName().toString();
    for (String suffix : List.of(".tar.gz", ".tgz")) {
      if (name.endsWith(suffix)) {
        return name.substring(0, name.length() - suffix.length());
      }
    }
    return name + ".d";
  }

  private static Path defaultMavenRepository() {
    String local = System.getProperty("maven.repo.local");
    return local != null && !local.isBlank()
        ? Path.of(local)
        : Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  private static String seconds(long startedNanos) {
    return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startedNanos) / 1e9);
  }
}
