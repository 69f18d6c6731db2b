package io.waymark.platform.journey;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A sub-journey's instance working for a journey run (its steps are the run's steps too). */
@Entity
@Table(name = "journey_sub_instance")
class JourneySubInstance {

  @Id
  private Long processInstanceKey;
  private long journeyRunId;
  private String processId;
  private Instant linkedAt;

  protected JourneySubInstance() {
  }

  JourneySubInstance(long processInstanceKey, long journeyRunId, String processId, Instant linkedAt) {
    this.processInstanceKey = processInstanceKey;
    this.journeyRunId = journeyRunId;
    this.processId = processId;
    this.linkedAt = linkedAt;
  }

  long processInstanceKey() {
    return processInstanceKey;
  }
}
