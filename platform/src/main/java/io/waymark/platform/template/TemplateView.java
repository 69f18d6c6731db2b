package io.waymark.platform.template;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A template with its versions, oldest first.
 *
 * @param approvedVersion the version that is sent, or null when none is approved
 */
public record TemplateView(String key, String name, Channel channel, String messageClass, String brand,
    Instant createdAt, Integer approvedVersion, List<VersionView> versions) {

  public TemplateView {
    versions = List.copyOf(versions);
  }

  /** One version by number. */
  public Optional<VersionView> version(int number) {
    return versions.stream().filter(v -> v.version() == number).findFirst();
  }
}
