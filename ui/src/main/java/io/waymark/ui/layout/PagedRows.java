package io.waymark.ui.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** Lazy grids over facades that page by number (page, size) rather than by offset and limit. */
public final class PagedRows {

  private static final int CHUNK = 100;

  private PagedRows() {
  }

  /**
   * Rows {@code offset} to {@code offset + limit} from a facade that pages by number: one call when the grid asks for
   * a whole page (as it does), else pages of {@value #CHUNK} until enough rows or the last page.
   */
  public static <T> List<T> rows(int offset, int limit, BiFunction<Integer, Integer, List<T>> page) {
    if (limit <= 0) {
      return List.of();
    }
    if (limit <= CHUNK && offset % limit == 0) {
      return page.apply(offset / limit, limit);
    }
    List<T> rows = new ArrayList<>();
    int number = offset / CHUNK;
    int skip = offset % CHUNK;
    while (rows.size() < limit) {
      List<T> found = page.apply(number++, CHUNK);
      found.stream().skip(skip).limit(limit - rows.size()).forEach(rows::add);
      skip = 0;
      if (found.size() < CHUNK) {
        break;
      }
    }
    return rows;
  }
}
