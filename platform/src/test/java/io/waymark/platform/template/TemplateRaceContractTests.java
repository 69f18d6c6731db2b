package io.waymark.platform.template;

import static io.waymark.platform.template.TemplateFixtures.key;
import static io.waymark.platform.template.TemplateFixtures.sms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Races: two approvals at the same moment never leave two approved versions, and two instances starting together
 * install a bundled template once. Run on H2 ({@link H2TemplateRaceTests}) and on a MySQL-family server when one is
 * named ({@link MySqlTemplateRaceIT}): the locks and unique keys are the database's.
 */
@SpringBootTest
abstract class TemplateRaceContractTests {

  @Autowired MessageTemplates templates;
  @Autowired BundledTemplates bundled;
  @Autowired JdbcTemplate jdbc;

  @Test
  void concurrentApprovalsLeaveExactlyOneApprovedVersion() throws Exception {
    String key = key("race");
    templates.create(sms(key, "transactional", "Order {order.number} shipped."));
    templates.draft(key, DraftContent.sms("Order {order.number} is on its way."));
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<VersionView> first = threads.submit(() -> approveAfter(start, key, 1));
      Future<VersionView> second = threads.submit(() -> approveAfter(start, key, 2));
      first.get(30, TimeUnit.SECONDS);
      second.get(30, TimeUnit.SECONDS);
    } finally {
      threads.shutdownNow();
    }

    TemplateView template = templates.find(key).orElseThrow();
    assertThat(template.versions()).filteredOn(v -> v.status() == TemplateStatus.APPROVED).hasSize(1);
    assertThat(template.versions()).filteredOn(v -> v.status() == TemplateStatus.RETIRED).hasSize(1);
    assertThat(template.approvedVersion()).isIn(1, 2);
  }

  @Test
  void theDatabaseRefusesASecondApprovedVersion() {
    String key = key("guard");
    templates.create(sms(key, "transactional", "Order {order.number} shipped."));
    templates.draft(key, DraftContent.sms("Order {order.number} is on its way."));
    templates.approve(key, 1, "pat");

    assertThatThrownBy(() -> jdbc.update("update message_template_version set status = 'APPROVED', "
        + "approved_marker = 1 where version_no = 2 and template_id = "
        + "(select id from message_template where template_key = ?)", key))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  private VersionView approveAfter(CyclicBarrier start, String key, int version) throws Exception {
    start.await();
    return templates.approve(key, version, "approver-" + version);
  }

  @Test
  void installsAMissingTemplateOnceWhenTwoInstancesStartTogether() throws Exception {
    jdbc.update("delete from message_template_version where template_id = "
        + "(select id from message_template where template_key = 'cart-recovery.first-nudge')");
    jdbc.update("delete from message_template where template_key = 'cart-recovery.first-nudge'");
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> first = threads.submit(() -> installAfter(start));
      Future<Integer> second = threads.submit(() -> installAfter(start));
      assertThat(first.get(30, TimeUnit.SECONDS) + second.get(30, TimeUnit.SECONDS)).isEqualTo(1);
    } finally {
      threads.shutdownNow();
    }
    assertThat(jdbc.queryForObject("select count(*) from message_template_version v join message_template t "
        + "on t.id = v.template_id where t.template_key = 'cart-recovery.first-nudge'", Integer.class)).isEqualTo(1);
    assertThat(templates.isSendable("cart-recovery.first-nudge", Channel.SMS)).isTrue();
  }

  private int installAfter(CyclicBarrier start) throws Exception {
    start.await();
    return bundled.install();
  }
}
