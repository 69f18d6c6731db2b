package io.waymark.platform.crm;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CrmTeamRepository extends JpaRepository<CrmTeam, String> {

  List<CrmTeam> findAllByOrderByPosition();

  /** Each team's assignments count, as [id, count] (no entities: the rows are about to be replaced). */
  @Query("select t.id, t.assignments from CrmTeam t")
  List<Object[]> assignmentCounts();

  /** The team's row, locked: assignments in one team happen one at a time, across Waymark instances. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select t from CrmTeam t where t.id = :id")
  Optional<CrmTeam> lock(@Param("id") String id);
}
