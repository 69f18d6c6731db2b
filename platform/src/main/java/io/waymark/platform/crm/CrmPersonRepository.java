package io.waymark.platform.crm;

import jakarta.persistence.LockModeType;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CrmPersonRepository extends JpaRepository<CrmPerson, String> {

  List<CrmPerson> findAllByOrderByPosition();

  /** Each person's last assignment, as [id, instant, seq] (no entities: the rows are about to be replaced). */
  @Query("select p.id, p.lastAssignedAt, p.lastAssignedSeq from CrmPerson p where p.lastAssignedAt is not null")
  List<Object[]> lastAssignments();

  /**
   * The team's reps flagged available, least recently assigned first, locked (a locking read sees what the previous
   * holder of the team's lock committed).
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select p from CrmPerson p where p.teamId = :team and p.kind = io.waymark.platform.crm.CrmPerson.Kind.REP"
      + " and p.available = true order by p.lastAssignedSeq asc nulls first, p.position asc")
  List<CrmPerson> lockRoundRobin(@Param("team") String team);

}
