package io.waymark.platform.crm;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CrmRuleRepository extends JpaRepository<CrmRule, Integer> {

  List<CrmRule> findAllByOrderByPosition();
}
