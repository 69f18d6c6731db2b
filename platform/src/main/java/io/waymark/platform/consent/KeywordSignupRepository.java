package io.waymark.platform.consent;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface KeywordSignupRepository extends Repository<KeywordSignup, Long> {

  KeywordSignup save(KeywordSignup signup);

  Optional<KeywordSignup> findFirstByPhoneAndStatusAndExpiresAtAfterOrderByIdDesc(String phone, String status,
      Instant now);
}
