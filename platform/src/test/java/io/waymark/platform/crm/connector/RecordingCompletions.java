package io.waymark.platform.crm.connector;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The inbox's side of the completion webhooks, for tests: remembers every completion it was told about. */
final class RecordingCompletions implements CrmTaskCompletions {

  record Completion(String system, String externalId, String completedBy) {
  }

  private final List<Completion> completions = new CopyOnWriteArrayList<>();

  @Override
  public void completedInCrm(String system, String externalId, String completedBy) {
    completions.add(new Completion(system, externalId, completedBy));
  }

  List<Completion> all() {
    return List.copyOf(completions);
  }

  void clear() {
    completions.clear();
  }
}
