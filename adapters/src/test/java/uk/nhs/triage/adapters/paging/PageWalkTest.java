package uk.nhs.triage.adapters.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageWalkTest {
  @Test
  void readsEveryPageUntilTheListingEnds() throws Exception {
    List<String> asked = new ArrayList<>();

    PageWalk.Walk walk =
        PageWalk.walk(
            10,
            cursor -> {
              asked.add(String.valueOf(cursor));
              return cursor == null ? "p2" : cursor.equals("p2") ? "p3" : null;
            });

    assertThat(asked).containsExactly("null", "p2", "p3");
    assertThat(walk).isEqualTo(new PageWalk.Walk(3, null));
  }

  @Test
  void stopsAtTheLimitAndKeepsTheCursorOfThePageLeftUnread() throws Exception {
    PageWalk.Walk walk = PageWalk.walk(2, cursor -> cursor == null ? "p2" : "p3");

    assertThat(walk).isEqualTo(new PageWalk.Walk(2, "p3"));
  }

  @Test
  void aReaderThatHasReadEnoughEndsTheWalkWithNothingUnread() throws Exception {
    assertThat(PageWalk.walk(1, cursor -> null)).isEqualTo(new PageWalk.Walk(1, null));
  }
}
