package io.waymark.platform.template;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface MessageTemplateRepository extends JpaRepository<MessageTemplate, Long> {

  @EntityGraph(attributePaths = "versions")
  Optional<MessageTemplate> findByKey(String key);

  /** The template, locked until the transaction ends, so that changes to its versions apply one after the other. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select t from MessageTemplate t where t.key = :key")
  Optional<MessageTemplate> lockByKey(String key);

  boolean existsByKey(String key);

  @EntityGraph(attributePaths = "versions")
  List<MessageTemplate> findAllByOrderByKeyAsc();

  /** One page of templates (their versions load lazily, inside the caller's transaction). */
  Page<MessageTemplate> findAllBy(Pageable pageable);
}
