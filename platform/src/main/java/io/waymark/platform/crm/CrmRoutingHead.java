package io.waymark.platform.crm;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The routing document's head row (id 1): its fallback team and who replaced it last. */
@Entity
@Table(name = "crm_routing")
class CrmRoutingHead {

  static final int ID = 1;

  @Id
  private int id = ID;
  private String fallbackTeam;
  private String updatedBy;
  private Instant updatedAt;

  @Version
  private Long version;

  protected CrmRoutingHead() {
  }

  CrmRoutingHead(String fallbackTeam, String updatedBy, Instant updatedAt) {
    replaced(fallbackTeam, updatedBy, updatedAt);
  }

  void replaced(String fallbackTeam, String updatedBy, Instant updatedAt) {
    this.fallbackTeam = fallbackTeam;
    this.updatedBy = updatedBy;
    this.updatedAt = updatedAt;
  }

  String fallbackTeam() {
    return fallbackTeam;
  }

  String updatedBy() {
    return updatedBy;
  }

  Instant updatedAt() {
    return updatedAt;
  }
}
