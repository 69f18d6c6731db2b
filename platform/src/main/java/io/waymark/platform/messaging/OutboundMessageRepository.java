package io.waymark.platform.messaging;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface OutboundMessageRepository extends JpaRepository<OutboundMessage, Long> {

  Optional<OutboundMessage> findByIdempotencyKey(String idempotencyKey);
}
