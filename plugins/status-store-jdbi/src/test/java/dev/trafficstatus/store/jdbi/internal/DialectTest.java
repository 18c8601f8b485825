package dev.trafficstatus.store.jdbi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DialectTest {

  @Test
  void knowsH2AndPostgresqlByTheirDriversProductNames() {
    assertThat(Dialect.ofProduct("H2")).isEqualTo(Dialect.H2);
    assertThat(Dialect.ofProduct("PostgreSQL")).isEqualTo(Dialect.POSTGRESQL);
  }

  @Test
  void otherDatabasesAreRefusedByName() {
    assertThatThrownBy(() -> Dialect.ofProduct("MySQL"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("supports H2 and PostgreSQL")
        .hasMessageContaining("is MySQL");
  }

  @Test
  void anH2DatabaseIsClosedByTheStoreAndWritesEachCommitAtOnce() {
    assertThat(Dialect.withStoreSettings("jdbc:h2:./data/status"))
        .isEqualTo("jdbc:h2:./data/status;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
    assertThat(Dialect.withStoreSettings("jdbc:h2:./x;db_close_on_exit=true"))
        .isEqualTo("jdbc:h2:./x;db_close_on_exit=true;WRITE_DELAY=0");
    assertThat(Dialect.withStoreSettings("jdbc:h2:./x;WRITE_DELAY=500"))
        .isEqualTo("jdbc:h2:./x;WRITE_DELAY=500;DB_CLOSE_ON_EXIT=FALSE");
    assertThat(Dialect.withStoreSettings("jdbc:postgresql://db/status"))
        .isEqualTo("jdbc:postgresql://db/status");
  }
}
