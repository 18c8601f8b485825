package dev.trafficstatus.store.jdbi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store's SQL layer on H2: transactions, typed nulls, records in and out, batches, failures.
 * The store's contract tests run the same layer on H2 and PostgreSQL with every statement it has.
 */
class DatabaseTest {

  record Thing(long id, String name, Long seen, boolean active, byte[] blob) {}

  private static final Database DATABASE = PlainSqlSyntaxTest.h2("database-test");

  @BeforeEach
  void table() {
    DATABASE.useHandle(
        s -> {
          s.createUpdate("DROP TABLE IF EXISTS things").execute();
          s.createUpdate(
                  "CREATE TABLE things (id BIGINT PRIMARY KEY, name VARCHAR(20), seen BIGINT,"
                      + " active BOOLEAN NOT NULL, blob VARBINARY(10))")
              .execute();
        });
  }

  private static List<Thing> things() {
    return DATABASE.withHandle(
        s -> s.createQuery("SELECT * FROM things ORDER BY id").map(RowMapper.ofRecord(Thing.class)).list());
  }

  @Test
  void recordsAreBoundByComponentAndReadBackWithTheirNulls() {
    Thing full = new Thing(1, "one", 42L, true, new byte[] {7, 8});
    Thing sparse = new Thing(2, null, null, false, null);
    DATABASE.useHandle(
        s -> {
          for (Thing thing : List.of(full, sparse)) {
            s.createUpdate("INSERT INTO things VALUES (:id, :name, :seen, :active, :blob)")
                .bindRecord(thing)
                .execute();
          }
        });
    List<Thing> read = things();
    assertThat(read).hasSize(2);
    assertThat(read.get(0).seen()).isEqualTo(42L);
    assertThat(read.get(0).blob()).containsExactly(7, 8);
    assertThat(read.get(1)).isEqualTo(new Thing(2, null, null, false, null));
  }

  @Test
  void aTransactionThatThrowsIsRolledBackAndTheConnectionGoesBackToAutoCommit() throws Exception {
    assertThatThrownBy(
            () ->
                DATABASE.useTransaction(
                    s -> {
                      s.createUpdate("INSERT INTO things (id, active) VALUES (1, TRUE)").execute();
                      throw new IllegalStateException("no");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no");
    assertThat(things()).isEmpty();

    int level =
        DATABASE.inTransaction(
            Connection.TRANSACTION_REPEATABLE_READ,
            s -> {
              s.createUpdate("INSERT INTO things (id, active) VALUES (2, TRUE)").execute();
              return s.connection().getTransactionIsolation();
            });
    assertThat(level).isEqualTo(Connection.TRANSACTION_REPEATABLE_READ);
    assertThat(things()).extracting(Thing::id).containsExactly(2L);
  }

  @Test
  void aBatchRunsOncePerSetAndAnEmptyOneRunsNothing() {
    int[] counts =
        DATABASE.withHandle(
            s -> {
              Batch batch = s.prepareBatch("INSERT INTO things VALUES (:id, :name, :seen, :active, :blob)");
              batch.add(new Thing(1, "a", 1L, true, null)).add(new Thing(2, "b", null, false, null));
              batch.bind("id", 3L).bind("name", "c").bind("seen", (Long) null).bind("active", true)
                  .bind("blob", (byte[]) null).add();
              return batch.execute();
            });
    assertThat(counts).hasSize(3);
    assertThat(things()).extracting(Thing::name).containsExactly("a", "b", "c");
    int[] none = DATABASE.withHandle(s -> s.prepareBatch("DELETE FROM nowhere").execute());
    assertThat(none).isEmpty();
  }

  @Test
  void failuresSayWhatWentWrong() {
    DATABASE.useHandle(s -> s.createUpdate("INSERT INTO things (id, active) VALUES (1, TRUE)").execute());
    assertThatThrownBy(
            () -> DATABASE.useHandle(s -> s.createUpdate("INSERT INTO things (id, active) VALUES (1, TRUE)").execute()))
        .isInstanceOfSatisfying(SqlFailure.class, failure -> assertThat(failure.isUniqueViolation()).isTrue());
    assertThatThrownBy(() -> DATABASE.useHandle(s -> s.createQuery("SELECT nope FROM things").mapTo(long.class).list()))
        .isInstanceOfSatisfying(SqlFailure.class, failure -> assertThat(failure.isUniqueViolation()).isFalse());
    assertThatThrownBy(
            () -> DATABASE.useHandle(s -> s.createQuery("SELECT id FROM things WHERE id = :id").mapTo(long.class).list()))
        .isInstanceOf(SqlFailure.class)
        .hasMessageContaining(":id");
  }

  @Test
  void oneAndFindOneHoldTheQueryToItsRowCount() {
    DATABASE.useHandle(s -> s.createUpdate("INSERT INTO things (id, active) VALUES (1, TRUE), (2, TRUE)").execute());
    Optional<String> nullName =
        DATABASE.withHandle(s -> s.createQuery("SELECT name FROM things WHERE id = 1").mapTo(String.class).findOne());
    assertThat(nullName).isEmpty();
    Optional<Long> noRow =
        DATABASE.withHandle(s -> s.createQuery("SELECT id FROM things WHERE id = 9").mapTo(Long.class).findOne());
    assertThat(noRow).isEmpty();
    assertThatThrownBy(() -> DATABASE.withHandle(s -> s.createQuery("SELECT id FROM things").mapTo(Long.class).findOne()))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> DATABASE.withHandle(s -> s.createQuery("SELECT id FROM things WHERE id = 9").mapTo(Long.class).one()))
        .isInstanceOf(IllegalStateException.class);
  }
}
