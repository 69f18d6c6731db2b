package io.waymark.workflows;

import java.util.List;

/** The journeys bundled with Waymark: BPMN files under {@code bpmn/} on the classpath, one per process id. */
public final class Journeys {

  public static final String LEAD_FOLLOW_UP = "lead-follow-up";

  /** Process ids of every bundled journey, in deployment order. */
  public static final List<String> BUNDLED = List.of(LEAD_FOLLOW_UP);

  private Journeys() {
  }

  /** Classpath location of a bundled journey's BPMN file. */
  public static String resource(String processId) {
    return "bpmn/" + processId + ".bpmn";
  }
}
