package io.waymark.platform.crm;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CrmTeamRepository extends JpaRepository<CrmTeam, String> {

  List<CrmTeam> findAllByOrderByPosition();
}
