package io.waymark.platform.governance;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

/** Users are never deleted (the audit log names them): disabled instead. */
interface UserAccountRepository extends Repository<UserAccount, Long> {

  UserAccount saveAndFlush(UserAccount user);

  Optional<UserAccount> findByUsername(String username);

  List<UserAccount> findAllByOrderByUsername();

  boolean existsByUsername(String username);

  long count();
}
