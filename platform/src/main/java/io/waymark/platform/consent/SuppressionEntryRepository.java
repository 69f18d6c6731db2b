package io.waymark.platform.consent;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface SuppressionEntryRepository extends Repository<SuppressionEntry, Long> {

  SuppressionEntry save(SuppressionEntry entry);

  Optional<SuppressionEntry> findFirstByPhoneAndLiftedAtIsNull(String phone);

  List<SuppressionEntry> findByPhoneOrderByIdAsc(String phone);
}
