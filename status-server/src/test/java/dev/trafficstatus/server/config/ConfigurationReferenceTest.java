package dev.trafficstatus.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.trafficstatus.server.plugin.PluginCatalog;
import dev.trafficstatus.server.plugin.PluginKind;
import dev.trafficstatus.spi.PluginFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.util.Duration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The {@code status:} keys the code accepts, held against the two places users read them: the
 * README's configuration table (every key, with its default) and the shipped config.yml (every key
 * shown, commented out where it has no value to give). They cannot drift apart.
 */
class ConfigurationReferenceTest {

  private static final Path README = Path.of("..", "README.md");
  private static final Path CONFIG = Path.of("..", "config.yml");
  private static final Pattern TICKED = Pattern.compile("`([^`]*)`");

  private final ObjectMapper mapper = Jackson.newObjectMapper();
  private final PluginCatalog catalog = PluginCatalog.discover(getClass().getClassLoader(), List.of());

  /** Every key and the type that binds it; plugin blocks give their type and the default plugin's keys. */
  private Map<String, JavaType> codeKeys() {
    Map<String, JavaType> keys = new LinkedHashMap<>();
    walk("", mapper.constructType(StatusFactory.class), keys);
    return keys;
  }

  private void walk(String prefix, JavaType type, Map<String, JavaType> keys) {
    BeanDescription bean = mapper.getDeserializationConfig().introspect(type);
    for (BeanPropertyDefinition property : bean.findProperties()) {
      if (!property.couldDeserialize()) {
        continue;
      }
      String key = prefix + property.getName();
      JavaType propertyType = property.getPrimaryType();
      Class<?> raw = propertyType.getRawClass();
      PluginKind kind = pluginKind(raw);
      if (kind != null) {
        keys.put(key + ".type", mapper.constructType(String.class));
        // The plugin named when the block leaves type: out: its keys are documented here too.
        PluginFactory plugin = catalog.soleDefault(kind);
        walk(key + ".", mapper.constructType(plugin.getClass()), keys);
      } else if (raw.getPackageName().startsWith("dev.trafficstatus.server.config")
          || (raw.getEnclosingClass() != null && PluginFactory.class.isAssignableFrom(raw.getEnclosingClass()))) {
        // A block of the server's, or a nested block of a plugin's (the store's timeouts:).
        walk(key + ".", propertyType, keys);
      } else {
        keys.put(key, propertyType);
      }
    }
  }

  private static PluginKind pluginKind(Class<?> raw) {
    for (PluginKind kind : PluginKind.values()) {
      if (kind.contract() == raw) {
        return kind;
      }
    }
    return null;
  }

  /** The README table: key → the default cell's first literal, or null where it gives none. */
  private static Map<String, String> readmeTable() throws IOException {
    String readme = Files.readString(README);
    int start = readme.indexOf("## Configuration");
    int end = readme.indexOf("\n### ", start);
    Map<String, String> rows = new LinkedHashMap<>();
    for (String line : readme.substring(start, end).split("\n")) {
      if (!line.startsWith("| `")) {
        continue;
      }
      String[] cells = line.split("\\|");
      String[] keyParts = cells[1].split(" / ");
      String[] defaultParts = cells[2].split(" / ");
      String parent = "";
      for (int i = 0; i < keyParts.length; i++) {
        String key = ticked(keyParts[i]);
        if (i == 0) {
          parent = key.contains(".") ? key.substring(0, key.lastIndexOf('.') + 1) : "";
        } else if (key.startsWith(".") || !key.contains(".")) {
          key = parent + (key.startsWith(".") ? key.substring(1) : key);
        }
        String fallback = defaultParts.length == keyParts.length ? defaultParts[i] : "";
        rows.put(key, keyParts.length == defaultParts.length ? tickedOrNull(fallback) : null);
      }
    }
    return rows;
  }

  private static String ticked(String cell) {
    Matcher m = TICKED.matcher(cell);
    if (!m.find()) {
      throw new AssertionError("no `key` in README cell: " + cell);
    }
    return m.group(1);
  }

  private static String tickedOrNull(String cell) {
    String trimmed = cell.strip();
    // A default written as a literal starts with it; "the only store plugin (`jdbi`)" is prose.
    if (!trimmed.startsWith("`")) {
      return null;
    }
    Matcher m = TICKED.matcher(trimmed);
    return m.find() ? m.group(1) : null;
  }

  @Test
  void everyKeyOfTheReadmeTableIsOneTheCodeAccepts() throws IOException {
    assertThat(codeKeys().keySet()).containsAll(readmeTable().keySet());
  }

  @Test
  void everyKeyTheCodeAcceptsIsInTheReadmeTable() throws IOException {
    assertThat(readmeTable().keySet()).containsAll(codeKeys().keySet());
  }

  @Test
  void theReadmeTableGivesTheCodesDefaults() throws IOException {
    JsonNode defaults = mapper.valueToTree(new StatusFactory());
    List<String> wrong = new ArrayList<>();
    Map<String, JavaType> keys = codeKeys();
    readmeTable().forEach((key, documented) -> {
      JsonNode actual = defaults.at("/" + key.replace('.', '/'));
      if (documented == null || actual.isMissingNode() || actual.isNull()) {
        return;
      }
      if (!sameValue(documented, actual, keys.get(key))) {
        wrong.add(key + ": README says " + documented + ", the code " + actual);
      }
    });
    assertThat(wrong).isEmpty();
  }

  private static boolean sameValue(String documented, JsonNode actual, JavaType type) {
    if (type != null && type.getRawClass() == io.dropwizard.util.DataSize.class) {
      return io.dropwizard.util.DataSize.parse(documented).toBytes()
          == io.dropwizard.util.DataSize.parse(actual.asText()).toBytes();
    }
    if (type != null && type.getRawClass() == Duration.class) {
      return Duration.parse(documented).toJavaDuration().equals(Duration.parse(actual.asText()).toJavaDuration());
    }
    if (actual.isArray()) {
      List<String> items = new ArrayList<>();
      actual.forEach(item -> items.add(item.asText()));
      return documented.replace(" ", "").equals("[" + String.join(",", items) + "]");
    }
    if (actual.isNumber()) {
      return Double.parseDouble(documented) == actual.asDouble();
    }
    if (type != null && type.isEnumType()) {
      return documented.equalsIgnoreCase(actual.asText());
    }
    return documented.equals(actual.asText());
  }

  @Test
  void theShippedConfigShowsEveryKey() throws IOException {
    String config = Files.readString(CONFIG);
    TreeSet<String> missing = new TreeSet<>();
    for (String key : codeKeys().keySet()) {
      String last = key.substring(key.lastIndexOf('.') + 1);
      if (!Pattern.compile("(?m)^\\s*(#\\s*)?-?\\s*" + Pattern.quote(last) + ":").matcher(config).find()) {
        missing.add(key);
      }
    }
    assertThat(missing).isEmpty();
  }
}
