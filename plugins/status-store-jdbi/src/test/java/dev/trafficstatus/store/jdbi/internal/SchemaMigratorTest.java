package dev.trafficstatus.store.jdbi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

/**
 * The check that decides whether Liquibase runs at all reads the change sets of the changelog from
 * its text: it must find exactly those an XML parser finds, or a start would skip a change set
 * (or run Liquibase for nothing).
 */
class SchemaMigratorTest {

  @Test
  void readsTheSameChangeSetsOfTheShippedChangelogAsAnXmlParser() throws Exception {
    String changelog;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(SchemaMigrator.CHANGELOG)) {
      changelog = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    assertThat(SchemaMigrator.changeSetsIn(changelog))
        .isEqualTo(parsed(changelog))
        .contains("1-routes/trafficstatus", "12-instances/trafficstatus");
  }

  @Test
  void skipsCommentsAndTakesAttributesInAnyOrder() throws Exception {
    String changelog =
        """
        <databaseChangeLog>
          <!-- <changeSet id="0-dropped" author="someone"> was never released -->
          <changeSet author="trafficstatus" id="1-a">
            <comment>two lines</comment>
          </changeSet>
          <changeSet
              id="2-b"
              author="other" runOnChange="false">
          </changeSet>
        </databaseChangeLog>
        """;

    assertThat(SchemaMigrator.changeSetsIn(changelog))
        .isEqualTo(parsed(changelog))
        .containsExactlyInAnyOrder("1-a/trafficstatus", "2-b/other");
  }

  @Test
  void refusesAChangeSetWithoutAuthorAndAChangelogWithoutChangeSets() {
    assertThatThrownBy(() -> SchemaMigrator.changeSetsIn("<changeSet id=\"1\"></changeSet>"))
        .hasMessageContaining("without id or author");
    assertThatThrownBy(() -> SchemaMigrator.changeSetsIn("<databaseChangeLog/>"))
        .hasMessageContaining("has no change sets");
  }

  /** What the JDK's XML parser reads: the reference. */
  private static Set<String> parsed(String xml) throws Exception {
    XMLStreamReader reader = XMLInputFactory.newFactory().createXMLStreamReader(new java.io.StringReader(xml));
    Set<String> found = new HashSet<>();
    while (reader.hasNext()) {
      if (reader.next() == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("changeSet")) {
        found.add(reader.getAttributeValue(null, "id") + "/" + reader.getAttributeValue(null, "author"));
      }
    }
    return found;
  }
}
