package io.waymark.platform.messaging;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

interface SandboxMessageRepository extends Repository<SandboxMessage, Long> {

  SandboxMessage save(SandboxMessage message);

  Optional<SandboxMessage> findByClientRef(String clientRef);

  Page<SandboxMessage> findAllByOrderByIdDesc(Pageable page);

  Page<SandboxMessage> findByPhoneOrderByIdDesc(String phone, Pageable page);

  boolean existsByProviderMessageId(String providerMessageId);
}
