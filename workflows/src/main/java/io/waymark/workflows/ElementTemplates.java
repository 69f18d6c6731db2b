package io.waymark.workflows;

import java.util.List;

/**
 * Camunda Modeler element templates, one per job type: {@code element-templates/<job-type>.json} on the classpath,
 * template id {@code io.waymark:<job-type>}, versioned by an integer {@code version} that grows with every change a
 * model applying the template would notice.
 */
public final class ElementTemplates {

  /** Prefix of every template id. */
  public static final String ID_PREFIX = "io.waymark:";

  /** The job types that have a template, in name order: every job type of {@link JobTypes#DECLARED}. */
  public static final List<String> JOB_TYPES = JobTypes.DECLARED.stream().sorted().toList();

  private ElementTemplates() {
  }

  /** Classpath location of a job type's template. */
  public static String resource(String jobType) {
    return "element-templates/" + jobType + ".json";
  }

  /** The template id of a job type, e.g. {@code io.waymark:send-sms}. */
  public static String id(String jobType) {
    return ID_PREFIX + jobType;
  }
}
