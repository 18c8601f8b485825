package dev.trafficstatus.store.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.store.OutboxEvent;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.store.jdbi.testing.EmbeddedPostgresExtension;
import dev.trafficstatus.store.jdbi.testing.PostgresServer;
import dev.trafficstatus.store.jdbi.testing.TestContext;
import io.dropwizard.db.DataSourceFactory;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The delivery log of one notice ({@code OutboxStore.events}, the API's {@code
 * notifications?notice=}) on a full outbox: 60,000 events of 20,000 notices and 5,000 of none. Its
 * statement must reach the notice's rows through {@code status_outbox_events_by_notice} (change set
 * 14-outbox-events-by-notice), not read the whole outbox.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresOutboxPlanTest {

  /** The statement of OutboxDao.eventsOf, as it is sent. */
  private static final String EVENTS_OF =
      """
      SELECT id, type, notice_id, created_at, payload
      FROM status_outbox_events
      WHERE notice_id = :noticeId
      ORDER BY seq
      """;

  @Test
  void aNoticesEventsAreReadThroughTheNoticeIndex(PostgresServer server) throws Exception {
    DataSourceFactory database = server.newDatabase();
    JdbiStoreFactory factory = new JdbiStoreFactory();
    factory.setDatabase(database);
    StatusStore store = factory.build(TestContext.bare("i-1"));
    store.start();
    try {
      Jdbi jdbi = Jdbi.create(database.getUrl(), database.getUser(), database.getPassword());
      jdbi.useHandle(handle -> {
        handle.execute(
            """
            INSERT INTO status_outbox_events (id, type, notice_id, created_at, payload)
            SELECT lpad(to_hex(i), 12, '0'), 'INCIDENT_UPDATED', lpad(to_hex(i % 20000), 12, 'n'),
                   1700000000000000 + i, '{}'
            FROM generate_series(1, 60000) AS i
            """);
        handle.execute(
            """
            INSERT INTO status_outbox_events (id, type, notice_id, created_at, payload)
            SELECT lpad(to_hex(100000 + i), 12, '0'), 'ROUTE_STATE_CHANGED', NULL, 1700000000000000 + i, '{}'
            FROM generate_series(1, 5000) AS i
            """);
        handle.execute("ANALYZE");
      });
      String notice = "nnnnnnnn" + "1234";
      String plan = jdbi.withHandle(handle -> String.join("\n",
          handle.createQuery("EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) " + EVENTS_OF)
              .bind("noticeId", notice)
              .mapTo(String.class)
              .list()));
      System.out.println("OutboxStore.events(notice) over 65,000 events:\n" + plan);

      assertThat(plan).contains("status_outbox_events_by_notice").doesNotContain("Seq Scan");
      List<OutboxEvent> events = store.outbox().orElseThrow().events(notice);
      assertThat(events).extracting(OutboxEvent::id)
          .containsExactly(String.format("%12s", Integer.toHexString(0x1234)).replace(' ', '0'),
              String.format("%12s", Integer.toHexString(0x1234 + 20000)).replace(' ', '0'),
              String.format("%12s", Integer.toHexString(0x1234 + 40000)).replace(' ', '0'));
    } finally {
      store.stop();
    }
  }
}
