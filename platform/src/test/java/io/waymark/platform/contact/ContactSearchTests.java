package io.waymark.platform.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.platform.support.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** {@link ContactDirectory#search}: by phone digits as typed, by first, last or full name, paged, newest first. */
@SpringBootTest
class ContactSearchTests {

  @Autowired ContactDirectory contacts;

  private ContactView contact(String phone, String first, String last) {
    return contacts.upsert(new ContactDetails(phone, null, first, last, null, null, null, null, Map.of()));
  }

  @Test
  void findsContactsByPhoneDigitsOrNameAndPagesNewestFirst() {
    ContactView ana = contact("+13125550181", "Ana", "Quixotica");
    ContactView bo = contact("+13125550182", "Bo", "Quixotica");
    contact("+13125550183", "Cy", "Elsewhere");

    assertThat(contacts.search("quixotica", 0, 10)).extracting(ContactView::id).containsExactly(bo.id(), ana.id());
    assertThat(contacts.search("ANA QUIX", 0, 10)).extracting(ContactView::id).containsExactly(ana.id());
    assertThat(contacts.search("(312) 555-0181", 0, 10)).extracting(ContactView::id).containsExactly(ana.id());
    assertThat(contacts.countMatching("quixotica")).isEqualTo(2);
    assertThat(contacts.search("quixotica", 1, 1)).extracting(ContactView::id).containsExactly(ana.id());
    assertThat(contacts.search("100%_", 0, 10)).isEmpty();
    assertThat(contacts.countMatching("")).isEqualTo(contacts.count());
  }

  @Test
  void refusesABadPage() {
    assertThatThrownBy(() -> contacts.search("", -1, 10)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("offset");
    assertThatThrownBy(() -> contacts.search("", 0, 501)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("limit");
  }
}
