package io.waymark.platform.link;

import org.springframework.data.jpa.repository.JpaRepository;

interface LinkClickRepository extends JpaRepository<LinkClick, Long> {
}
