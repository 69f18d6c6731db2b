package io.waymark.platform.crm;

import org.springframework.data.jpa.repository.JpaRepository;

interface CrmRoutingHeadRepository extends JpaRepository<CrmRoutingHead, Integer> {
}
