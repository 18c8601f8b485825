package dev.trafficstatus.store.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.notice.Notice;
import dev.trafficstatus.spi.page.StatusPage;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.store.jdbi.internal.Notices;
import dev.trafficstatus.store.jdbi.internal.UtcPeriods;
import dev.trafficstatus.store.jdbi.testing.EmbeddedPostgresExtension;
import dev.trafficstatus.store.jdbi.testing.PostgresServer;
import dev.trafficstatus.store.jdbi.testing.TestContext;
import io.dropwizard.db.DataSourceFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The page's read of notices ({@code current}, once per refresh) on a long history: 20,000 closed
 * incidents over 400 days, each with four updates, two affected routes and two state changes, and
 * three open ones. Each of its four statements must reach rows through the {@code closed_at}
 * index of its table, so its cost follows the open and recently closed notices, not the history.
 * The plans are printed (and written to {@code target/notice-plans.txt}) for BENCHMARKS.md.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresNoticePlanTest {

  private static final Instant NOW = Instant.parse("2025-06-10T12:00:00Z");
  private static final int CLOSED = 20_000;
  private static final Duration HISTORY = Duration.ofDays(400);

  @Test
  void thePagesReadOfNoticesUsesTheClosingIndexesWhateverTheHistory(PostgresServer server)
      throws Exception {
    DataSourceFactory database = server.newDatabase();
    JdbiStoreFactory factory = new JdbiStoreFactory();
    factory.setDatabase(database);
    StatusStore store = factory.build(TestContext.bare("i-1"));
    store.start();
    try {
      Jdbi jdbi = Jdbi.create(database.getUrl(), database.getUser(), database.getPassword());
      jdbi.useHandle(PostgresNoticePlanTest::fill);
      Instant closedSince = NOW.minus(Duration.ofDays(StatusPage.PAST_NOTICE_DAYS));
      Notices.Selection current = Notices.current(UtcPeriods.micros(closedSince));

      List<String> plans = new ArrayList<>();
      jdbi.useHandle(
          handle -> {
            plans.add(explain(handle, Notices.NOTICE_ROWS.formatted(current.notices()), current));
            for (String children :
                List.of(Notices.UPDATE_ROWS, Notices.AFFECTED_ROWS, Notices.CHANGE_ROWS)) {
              plans.add(explain(handle, children.formatted(current.children()), current));
            }
          });
      String report =
          "current(now - 14 days) over "
              + CLOSED
              + " closed notices in "
              + HISTORY.toDays()
              + " days and 3 open ones (notices, updates, affected routes, state changes):\n"
              + String.join("\n\n", plans);
      System.out.println(report);
      Files.writeString(Path.of("target", "notice-plans.txt"), report, StandardCharsets.UTF_8);

      List<String> indexes =
          List.of(
              "status_notices_by_closing",
              "status_notice_updates_by_closing",
              "status_notice_routes_by_closing",
              "status_notice_changes_by_closing");
      for (int i = 0; i < plans.size(); i++) {
        assertThat(plans.get(i)).contains(indexes.get(i)).doesNotContain("Seq Scan");
      }
      long closedInWindow =
          CLOSED * Duration.ofDays(StatusPage.PAST_NOTICE_DAYS).toMinutes() / HISTORY.toMinutes();
      List<Notice> notices = store.notices().orElseThrow().current(closedSince);
      assertThat((long) notices.size()).isBetween(closedInWindow + 3 - 2, closedInWindow + 3 + 2);
      assertThat(notices)
          .allSatisfy(notice -> assertThat(notice.updates()).hasSize(notice.isOpen() ? 1 : 4));
    } finally {
      store.stop();
    }
  }

  /**
   * Closed incidents evenly over the history, newest last (as they are written), each with its
   * timeline; then three open ones.
   */
  private static void fill(Handle handle) {
    long now = UtcPeriods.micros(NOW);
    long step = HISTORY.toNanos() / 1_000 / CLOSED;
    handle
        .createUpdate(
            """
            INSERT INTO status_notices
              (id, kind, name, status, impact, automatic, handled_by_person, created_at, started_at,
               updated_at, monitoring_at, resolved_at, scheduled_for, scheduled_until, closed_at,
               version)
            SELECT lpad(to_hex(i), 12, '0'), 'INCIDENT', 'Incident ' || i, 'RESOLVED', 'MAJOR', TRUE,
                   FALSE, c - 3600000000, c - 3600000000, c, NULL, c, NULL, NULL, c, 4
            FROM (SELECT i, :now - (:closed - i) * :step AS c FROM generate_series(1, :closed) AS i) s
            ORDER BY i
            """)
        .bind("now", now)
        .bind("closed", CLOSED)
        .bind("step", step)
        .execute();
    handle.execute(
        """
        INSERT INTO status_notices
          (id, kind, name, status, impact, automatic, handled_by_person, created_at, started_at,
           updated_at, monitoring_at, resolved_at, scheduled_for, scheduled_until, closed_at, version)
        SELECT 'open0000000' || i, 'INCIDENT', 'Open ' || i, 'INVESTIGATING', 'MINOR', TRUE, FALSE,
               ?, ?, ?, NULL, NULL, NULL, NULL, ?, 1
        FROM generate_series(1, 3) AS i
        """,
        now,
        now,
        now,
        Long.MAX_VALUE);
    handle.execute(
        """
        INSERT INTO status_notice_updates
          (notice_id, position, id, status, body, created_at, display_at, automatic, closed_at)
        SELECT n.id, p, substr(md5(n.id || p), 1, 12), n.status, 'Update ' || p || ' of ' || n.name,
               n.created_at + p, n.created_at + p, TRUE, n.closed_at
        FROM status_notices n
        CROSS JOIN generate_series(0, 3) AS p
        WHERE n.status = 'RESOLVED' OR p = 0
        ORDER BY n.closed_at, p
        """);
    handle.execute(
        """
        INSERT INTO status_notice_routes (notice_id, position, service, rule, state, closed_at)
        SELECT n.id, p, 'shop', '/r' || p || '/{id}', 'PARTIAL_OUTAGE', n.closed_at
        FROM status_notices n CROSS JOIN generate_series(0, 1) AS p
        ORDER BY n.closed_at, p
        """);
    handle.execute(
        """
        INSERT INTO status_notice_changes
          (notice_id, update_position, position, service, rule, before_state, after_state, closed_at)
        SELECT n.id, 0, p, 'shop', '/r' || p || '/{id}', 'OPERATIONAL', 'PARTIAL_OUTAGE', n.closed_at
        FROM status_notices n CROSS JOIN generate_series(0, 1) AS p
        ORDER BY n.closed_at, p
        """);
    handle.execute("ANALYZE");
  }

  private static String explain(Handle handle, String query, Notices.Selection selection) {
    return String.join(
        "\n",
        handle
            .createQuery("EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) " + query)
            .bindMap(selection.parameters())
            .mapTo(String.class)
            .list());
  }
}
