package io.waymark.platform.crm.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.platform.support.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the inbox may ask for, and the words the CRMs get: tags first, subject shortened, marker kept. */
class CrmTaskRequestTests {

  @Test
  void namesEveryMissingPartOfARequest() {
    assertThatThrownBy(() -> new CrmTaskRequest(0, " ", null, null, null, Arrays.asList("VIP", " "), null, null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
            .extracting(InvalidInputException.Problem::field)
            .containsExactly("waymarkTaskId", "subject", "dueAt", "priority", "contact", "tags[1]"));
  }

  @Test
  void refusesAPhoneNumberThatIsNotE164() {
    assertThatThrownBy(() -> new CrmContact(7, "415 555 0100", null, null, null, null))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("phone"))
        .hasMessageContaining("is not an E.164 number");
  }

  @Test
  void shortensALongSubjectButKeepsTagsAndMarker() {
    CrmTaskRequest request = new CrmTaskRequest(42, "x".repeat(400), null, CrmRequests.DUE, CrmPriority.HIGH,
        List.of("Hot Lead", "VIP"), null, CrmRequests.contact(Map.of()));

    String subject = TaskText.subject(request, " (waymarktask42)", 255);

    assertThat(subject).hasSize(255).startsWith("[Hot Lead] [VIP] xxx").endsWith("x… (waymarktask42)");
  }

  @Test
  void refusesTagsThatLeaveNoRoomForTheSubject() {
    CrmTaskRequest request = new CrmTaskRequest(42, "Call back", null, CrmRequests.DUE, CrmPriority.HIGH,
        List.of("t".repeat(300)), null, CrmRequests.contact(Map.of()));

    assertThatThrownBy(() -> TaskText.subject(request, "", 255))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("tags"));
  }
}
