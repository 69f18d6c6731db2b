package io.waymark.ui.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The grid's offset and limit turned into the facade's numbered pages. */
class PagedRowsTests {

  private static final List<Integer> ALL = IntStream.range(0, 250).boxed().toList();
  private final List<String> calls = new ArrayList<>();

  private List<Integer> page(int number, int size) {
    calls.add(number + "x" + size);
    return ALL.subList(Math.min(ALL.size(), number * size), Math.min(ALL.size(), (number + 1) * size));
  }

  @Test
  void asksForTheGridsPageInOneCall() {
    assertThat(PagedRows.rows(50, 50, this::page)).isEqualTo(ALL.subList(50, 100));
    assertThat(calls).containsExactly("1x50");
  }

  @Test
  void collectsAnUnalignedOrLargeRangeFromPagesOfAHundred() {
    assertThat(PagedRows.rows(30, 120, this::page)).isEqualTo(ALL.subList(30, 150));
    assertThat(calls).containsExactly("0x100", "1x100");
    calls.clear();
    assertThat(PagedRows.rows(0, Integer.MAX_VALUE / 1000, this::page)).isEqualTo(ALL);
    assertThat(calls).containsExactly("0x100", "1x100", "2x100");
    assertThat(PagedRows.rows(10, 0, this::page)).isEmpty();
  }
}
