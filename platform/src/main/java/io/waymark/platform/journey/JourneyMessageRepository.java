package io.waymark.platform.journey;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface JourneyMessageRepository extends JpaRepository<JourneyMessage, Long> {

  Optional<JourneyMessage> findByEventId(String eventId);
}
