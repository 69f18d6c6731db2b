package io.waymark.engine;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the broker process is launched: the command line (the JVM Waymark runs on, the broker's main class, its
 * libraries) and its whole configuration as environment variables. The inherited environment is reduced to a few
 * harmless variables and Spring's file-based configuration is switched off, so no stray {@code ZEEBE_*},
 * {@code SERVER_PORT}, {@code SPRING_PROFILES_ACTIVE} or {@code config/application.yaml} can change it.
 */
final class BrokerLaunch {

  static final String MAIN_CLASS = "io.camunda.application.StandaloneBroker";

  private static final List<String> INHERITED_ENVIRONMENT = List.of("PATH", "HOME", "USER", "LANG", "LC_ALL",
      "LC_CTYPE", "TZ", "SystemRoot", "SYSTEMROOT", "WINDIR", "TEMP", "TMP");

  private final EmbeddedEngineProperties properties;
  private final Path stateDir;
  private final Path tmpDir;

  BrokerLaunch(EmbeddedEngineProperties properties, Path stateDir, Path tmpDir) {
    this.properties = properties;
    this.stateDir = stateDir;
    this.tmpDir = tmpDir;
  }

  /** {@code java} of this very process, the broker's main class, its libraries; the same for every start. */
  List<String> command(ZeebeDistribution.Installation installation) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(List.of("-Xms" + initialHeap(properties.heap()), "-Xmx" + properties.heap(),
        "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8", "-Xshare:auto", "--enable-native-access=ALL-UNNAMED"));
    if (Runtime.version().feature() >= 24) {
      command.add("--sun-misc-unsafe-memory-access=allow");
    }
    command.addAll(List.of(
        "-Djava.io.tmpdir=" + tmpDir,
        "-Dapp.name=broker",
        "-Dapp.home=" + installation.home(),
        "-Dbasedir=" + installation.home(),
        "-Dwaymark.engine.state=" + stateDir,
        "-cp", installation.lib() + File.separator + "*",
        MAIN_CLASS));
    return command;
  }

  /** 128m, or the whole heap when that is smaller. */
  static String initialHeap(String heap) {
    long units = Long.parseLong(heap.replaceAll("\\D", ""));
    long bytes = switch (Character.toLowerCase(heap.charAt(heap.length() - 1))) {
      case 'k' -> units << 10;
      case 'm' -> units << 20;
      case 'g' -> units << 30;
      default -> units;
    };
    return bytes < 128L << 20 ? heap : "128m";
  }

  /** The broker's whole configuration; see the class comment. */
  void environment(Map<String, String> environment) {
    Map<String, String> inherited = new LinkedHashMap<>(environment);
    environment.clear();
    INHERITED_ENVIRONMENT.stream().filter(inherited::containsKey)
        .forEach(key -> environment.put(key, inherited.get(key)));
    String host = properties.host();
    // only the jar's own application.properties: no ./config/application.yaml (it names Elasticsearch)
    environment.put("SPRING_CONFIG_LOCATION", "optional:classpath:/");
    environment.put("ZEEBE_BROKER_DATA_DIRECTORY", stateDir.toString());
    environment.put("ZEEBE_BROKER_DATA_LOGSEGMENTSIZE", "32MB");
    environment.put("ZEEBE_BROKER_DATA_SNAPSHOTPERIOD", "5m");
    environment.put("ZEEBE_BROKER_DATA_DISK_FREESPACE_PROCESSING", "1GB");
    environment.put("ZEEBE_BROKER_DATA_DISK_FREESPACE_REPLICATION", "512MB");
    // RocksDB's native memory per partition (Zeebe's default 512MB is sized for servers, not a laptop)
    environment.put("ZEEBE_BROKER_EXPERIMENTAL_ROCKSDB_MEMORYLIMIT", "128MB");
    environment.put("ZEEBE_BROKER_CLUSTER_NODEID", "0");
    environment.put("ZEEBE_BROKER_CLUSTER_CLUSTERSIZE", "1");
    environment.put("ZEEBE_BROKER_CLUSTER_REPLICATIONFACTOR", "1");
    environment.put("ZEEBE_BROKER_CLUSTER_PARTITIONSCOUNT", "1");
    environment.put("ZEEBE_BROKER_GATEWAY_ENABLE", "true");
    environment.put("ZEEBE_BROKER_GATEWAY_NETWORK_HOST", host);
    environment.put("ZEEBE_BROKER_GATEWAY_NETWORK_PORT", Integer.toString(properties.port()));
    environment.put("ZEEBE_BROKER_GATEWAY_SECURITY_ENABLED", "false");
    environment.put("ZEEBE_BROKER_GATEWAY_SECURITY_AUTHENTICATION_MODE", "none");
    environment.put("ZEEBE_BROKER_NETWORK_HOST", host);
    environment.put("ZEEBE_BROKER_NETWORK_ADVERTISEDHOST", properties.connectHost());
    environment.put("ZEEBE_BROKER_NETWORK_COMMANDAPI_PORT", Integer.toString(properties.commandPort()));
    environment.put("ZEEBE_BROKER_NETWORK_INTERNALAPI_PORT", Integer.toString(properties.internalPort()));
    environment.put("SERVER_ADDRESS", host);
    environment.put("SERVER_PORT", Integer.toString(properties.restPort()));
    environment.put("MANAGEMENT_SERVER_ADDRESS", host);
    environment.put("MANAGEMENT_SERVER_PORT", Integer.toString(properties.managementPort()));
    environment.putAll(properties.environment());
  }

  /** Whether {@code candidate} is a broker launched for this state directory (by an earlier Waymark, say). */
  boolean launched(ProcessHandle candidate) {
    String commandLine = candidate.info().commandLine().orElse("");
    return commandLine.contains(MAIN_CLASS) && commandLine.contains("-Dwaymark.engine.state=" + stateDir);
  }
}
