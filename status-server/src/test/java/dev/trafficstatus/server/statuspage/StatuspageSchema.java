package dev.trafficstatus.server.statuspage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON Schema written from issue 18's list of the Statuspage API's fields, types and enums
 * ({@code statuspage/v2.schema.json} in the test resources), checked with a maintained validator
 * (networknt, draft 2020-12). Each definition of the schema is one shape: {@code summary}, {@code
 * componentsEnvelope}, {@code shieldsEndpoint} and so on.
 */
final class StatuspageSchema {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNode DOCUMENT = load();

  private StatuspageSchema() {}

  private static JsonNode load() {
    try (InputStream in = StatuspageSchema.class.getResourceAsStream("/statuspage/v2.schema.json")) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What is wrong with a document against one definition.
   *
   * @param definition the name under {@code $defs}, such as {@code summary}
   * @param document the JSON
   * @return the violations, each with its location; empty when it conforms
   */
  static List<String> violations(String definition, JsonNode document) {
    if (!DOCUMENT.path("$defs").has(definition)) {
      throw new IllegalArgumentException("no definition " + definition);
    }
    ObjectNode root = DOCUMENT.deepCopy();
    root.put("$ref", "#/$defs/" + definition);
    Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(root.toString());
    return schema.validate(document).stream().map(Error::toString).toList();
  }
}
