package io.waymark.platform.segment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A stored segment; the rule is kept as the JSON text it was given (compacted). Never updated. */
@Entity
@Immutable
@Table(name = "segment")
class SegmentDefinition {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String name;

  private String description;

  @Column(nullable = false)
  private String ruleJson;

  @Column(nullable = false)
  private Instant createdAt;

  protected SegmentDefinition() {
  }

  SegmentDefinition(String name, String description, String ruleJson, Instant createdAt) {
    this.name = name;
    this.description = description;
    this.ruleJson = ruleJson;
    this.createdAt = createdAt;
  }

  String ruleJson() {
    return ruleJson;
  }

  Segment toView() {
    try {
      return new Segment(new SegmentId(id), name, description, JSON.readTree(ruleJson), createdAt);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("segment " + id + " holds a rule that is not JSON", e);
    }
  }
}
