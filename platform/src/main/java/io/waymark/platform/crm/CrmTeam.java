package io.waymark.platform.crm;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A team of the current routing document. */
@Entity
@Table(name = "crm_team")
class CrmTeam {

  @Id
  private String id;
  private String name;
  private String managerId;
  private String teamLeadId;
  private long assignments;
  private int position;

  protected CrmTeam() {
  }

  CrmTeam(RoutingDocument.Team team, int position, long assignments) {
    this.assignments = assignments;
    this.id = team.id();
    this.name = team.name();
    this.managerId = team.manager();
    this.teamLeadId = team.teamLead();
    this.position = position;
  }

  String id() {
    return id;
  }

  /** The number of the next lead given to a rep of this team; the caller holds the row's lock. */
  long nextAssignment() {
    return ++assignments;
  }

  String managerId() {
    return managerId;
  }

  String teamLeadId() {
    return teamLeadId;
  }

  RoutingDocument.Team toDocument() {
    return new RoutingDocument.Team(id, name, managerId, teamLeadId);
  }
}
