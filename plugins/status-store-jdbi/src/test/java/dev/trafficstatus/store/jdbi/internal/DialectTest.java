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
}
