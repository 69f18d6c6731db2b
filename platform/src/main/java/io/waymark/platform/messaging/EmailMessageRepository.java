package io.waymark.platform.messaging;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface EmailMessageRepository extends JpaRepository<EmailMessage, Long> {

  Optional<EmailMessage> findByIdempotencyKey(String idempotencyKey);

  Page<EmailMessage> findAllByOrderByIdDesc(Pageable page);
}
