package io.waymark.platform.link;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ShortLinkRepository extends JpaRepository<ShortLink, Long> {

  Optional<ShortLink> findByCode(String code);

  Optional<ShortLink> findByMessageKeyAndPosition(String messageKey, int position);

  boolean existsByCode(String code);
}
