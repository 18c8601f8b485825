package dev.trafficstatus.store.jdbi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToCreateStatementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store's statement syntax, run by H2 through JDBI as the store runs its statements. */
class PlainSqlSyntaxTest {

  private static Handle handle;

  @BeforeAll
  static void open() {
    handle = PlainSqlSyntax.install(Jdbi.create("jdbc:h2:mem:plain-sql-syntax")).open();
  }

  @AfterAll
  static void close() {
    handle.close();
  }

  private static String text(String sql) {
    return handle.createQuery(sql).mapTo(String.class).one();
  }

  @Test
  void namedAndPositionalParametersBind() {
    assertThat(handle.createQuery("SELECT :a + :b_2 + :a").bind("a", 1).bind("b_2", 40).mapTo(Integer.class).one())
        .isEqualTo(42);
    assertThat(handle.createQuery("SELECT ? || ?").bind(0, "x").bind(1, "y").mapTo(String.class).one())
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
    assertThat(handle.createQuery("SELECT :n::VARCHAR").bind("n", 7).mapTo(String.class).one())
        .isEqualTo("7");
  }

  @Test
  void definedAttributesAndListsAreRendered() {
    assertThat(handle.createQuery("SELECT <column> FROM (VALUES (5)) t(x)").define("column", "x")
            .mapTo(Integer.class).one())
        .isEqualTo(5);
    List<Integer> picked = handle.createQuery("SELECT x FROM (VALUES (1), (2), (3)) t(x) WHERE x IN (<xs>) ORDER BY x")
        .bindList("xs", List.of(1, 3))
        .mapTo(Integer.class)
        .list();
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
        .isInstanceOf(UnableToCreateStatementException.class)
        .hasMessageContaining("<missing>");
    assertThatThrownBy(() -> handle.createQuery("SELECT <empty>").define("empty", null).mapTo(String.class).one())
        .isInstanceOf(UnableToCreateStatementException.class)
        .hasMessageContaining("<empty>");
  }

  @Test
  void syntaxJdbiWouldReadOtherwiseIsRefusedNotGuessed() {
    assertThatThrownBy(() -> text("SELECT 'it\\'s'"))
        .isInstanceOf(UnableToCreateStatementException.class)
        .hasMessageContaining("backslash");
    assertThatThrownBy(() -> text("SELECT 1 WHERE 'a' = ??"))
        .isInstanceOf(UnableToCreateStatementException.class);
  }
}
