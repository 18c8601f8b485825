package dev.trafficstatus.store.jdbi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The store's statement syntax, run by H2 through the store's {@link Database}. */
class PlainSqlSyntaxTest {

  private static final Database DATABASE = h2("plain-sql-syntax");

  static Database h2(String name) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    return new Database(h2, Duration.ofSeconds(10));
  }

  private static <T> T on(Function<Session, T> work) {
    return DATABASE.withHandle(work::apply);
  }

  private static String text(String sql) {
    return on(s -> s.createQuery(sql).mapTo(String.class).one());
  }

  @Test
  void namedAndPositionalParametersBind() {
    assertThat((Integer) on(s -> s.createQuery("SELECT :a + :b_2 + :a").bind("a", 1).bind("b_2", 40).mapTo(Integer.class).one()))
        .isEqualTo(42);
    assertThat((String) on(s -> s.createQuery("SELECT ? || ?").bind(0, "x").bind(1, "y").mapTo(String.class).one()))
        .isEqualTo("xy");
  }

  @Test
  void colonsInLiteralsQuotedNamesAndCommentsAreText() {
    assertThat(text("SELECT ':a ? <b>' -- :c ? <d>\n")).isEqualTo(":a ? <b>");
    assertThat(text("SELECT 'it''s :x' /* :y <z> ? */")).isEqualTo("it's :x");
    assertThat(text("SELECT \":n\" FROM (VALUES ('v')) t(\":n\")")).isEqualTo("v");
    assertThat(text("SELECT '12:30'")).isEqualTo("12:30");
  }

  @Test
  void doubleColonIsACastNotAParameter() {
    assertThat((String) on(s -> s.createQuery("SELECT :n::VARCHAR").bind("n", 7).mapTo(String.class).one()))
        .isEqualTo("7");
  }

  @Test
  void definedAttributesAndListsAreRendered() {
    assertThat((Integer) on(s -> s.createQuery("SELECT <column> FROM (VALUES (5)) t(x)").define("column", "x")
            .mapTo(Integer.class).one()))
        .isEqualTo(5);
    List<Integer> picked = on(s -> s.createQuery("SELECT x FROM (VALUES (1), (2), (3)) t(x) WHERE x IN (<xs>) ORDER BY x")
        .bindList("xs", List.of(1, 3))
        .mapTo(Integer.class)
        .list());
    assertThat(picked).containsExactly(1, 3);
  }

  @Test
  void comparisonsAreNotAttributes() {
    assertThat(text("SELECT CASE WHEN 1 < 2 AND 2 <= 2 AND 1 <> 2 AND 3>2 AND 1<2 THEN 'yes' END"))
        .isEqualTo("yes");
  }

  @Test
  void anUndefinedAttributeFailsTheStatementByName() {
    assertThatThrownBy(() -> text("SELECT <missing>"))
        .isInstanceOf(SqlFailure.class)
        .hasMessageContaining("<missing>");
    assertThatThrownBy(() -> on(s -> s.createQuery("SELECT <empty>").define("empty", null).mapTo(String.class).one()))
        .isInstanceOf(SqlFailure.class)
        .hasMessageContaining("<empty>");
  }

  @Test
  void syntaxOtherToolsReadAsEscapesIsRefusedNotGuessed() {
    assertThatThrownBy(() -> text("SELECT 'it\\'s'"))
        .isInstanceOf(SqlFailure.class)
        .hasMessageContaining("backslash");
    assertThatThrownBy(() -> text("SELECT 1 WHERE 'a' = ??"))
        .isInstanceOf(SqlFailure.class);
  }
}
