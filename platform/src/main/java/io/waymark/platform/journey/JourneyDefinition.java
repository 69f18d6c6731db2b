package io.waymark.platform.journey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "journey_definition")
class JourneyDefinition {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String processId;

  private String name;

  @Column(nullable = false)
  private int version;

  @Column(nullable = false, unique = true)
  private long definitionKey;

  @Column(nullable = false)
  private String resourceName;

  @Column(nullable = false)
  private Instant deployedAt;

  /** LONGTEXT on MySQL; H2 in MySQL mode reads the same DDL as an unbounded VARCHAR. */
  @Column(columnDefinition = "longtext")
  private String bpmnXml;

  protected JourneyDefinition() {
  }

  JourneyDefinition(JourneyCatalog.Deployed deployed, Instant now) {
    this.processId = deployed.processId();
    this.name = deployed.name();
    this.version = deployed.version();
    this.definitionKey = deployed.definitionKey();
    this.resourceName = deployed.resourceName();
    this.deployedAt = now;
  }

  String processId() {
    return processId;
  }

  String name() {
    return name;
  }

  int version() {
    return version;
  }

  long definitionKey() {
    return definitionKey;
  }

  String bpmnXml() {
    return bpmnXml;
  }

  /** Keeps the deployed BPMN when none is kept yet (a version is immutable, so the first copy stays). */
  void keepBpmn(String xml) {
    if (bpmnXml == null) {
      bpmnXml = xml;
    }
  }

  Instant deployedAt() {
    return deployedAt;
  }
}
