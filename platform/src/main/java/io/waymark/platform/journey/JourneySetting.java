package io.waymark.platform.journey;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** Per journey, across its versions: paused or not, and whether a contact may be in it more than once at a time. */
@Entity
@Table(name = "journey_setting")
class JourneySetting {

  @Id
  private String processId;

  private boolean paused;
  private String pausedBy;
  private Instant pausedAt;
  private boolean allowsReentry;
  private String requiredAttributes;

  @Version
  private long version;

  protected JourneySetting() {
  }

  JourneySetting(String processId) {
    this.processId = processId;
  }

  void pause(String by, Instant now) {
    if (!paused) {
      paused = true;
      pausedBy = by;
      pausedAt = now;
    }
  }

  void resume() {
    paused = false;
    pausedBy = null;
    pausedAt = null;
  }

  void allowReentry(boolean allowed) {
    this.allowsReentry = allowed;
  }

  void requireAttributes(java.util.List<String> paths) {
    this.requiredAttributes = paths.isEmpty() ? null : String.join(",", paths);
  }

  java.util.List<String> requiredAttributes() {
    return requiredAttributes == null ? java.util.List.of() : java.util.List.of(requiredAttributes.split(","));
  }

  String processIdValue() {
    return processId;
  }

  boolean paused() {
    return paused;
  }

  boolean allowsReentry() {
    return allowsReentry;
  }

  JourneyCatalog.Pause pause() {
    return paused ? new JourneyCatalog.Pause(pausedBy, pausedAt) : null;
  }
}
