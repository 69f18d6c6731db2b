package io.waymark.platform.messaging;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

interface InboundMessageRepository extends Repository<InboundMessage, Long> {

  InboundMessage save(InboundMessage message);

  Optional<InboundMessage> findById(long id);

  Optional<InboundMessage> findByProviderAndProviderMessageId(String provider, String providerMessageId);

  List<InboundMessage> findByContactIdOrderByReceivedAtDesc(Long contactId, Pageable page);
}
