package dev.trafficstatus.server.plugin;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.jsontype.TypeIdResolver;
import dev.trafficstatus.spi.PluginFactory;
import dev.trafficstatus.spi.store.StoreFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The plugins this process can use: those {@link ServiceLoader} finds on the class path plus those
 * handed over directly, by kind and name.
 *
 * <p>Each plugin's factory class becomes a Jackson subtype named by {@link PluginFactory#name()}
 * (the SPI's factory interface carries the type information), so configuration selects it with
 * {@code type:} and binds its block onto a fresh instance, like Dropwizard's own {@code server:}
 * and {@code appenders:} types. An unknown name then fails configuration parsing with the list of
 * known names; a block without {@code type:} takes the only plugin of its kind, if there is one.
 * Two different classes with one name fail here, at start-up.
 */
public final class PluginCatalog {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  private final Map<PluginKind, Map<String, PluginFactory>> byKind = new EnumMap<>(PluginKind.class);

  private PluginCatalog() {
    for (PluginKind kind : PluginKind.values()) {
      byKind.put(kind, new LinkedHashMap<>());
    }
  }

  /**
   * Finds the plugins on a class path and adds those handed over directly.
   *
   * @param classLoader where to look
   * @param direct plugins installed without ServiceLoader (tests, apps that build their own)
   * @return the catalog
   * @throws IllegalStateException when two plugins of a kind share a name, a name is malformed or
   *     a plugin cannot be loaded
   */
  public static PluginCatalog discover(ClassLoader classLoader, Collection<? extends PluginFactory> direct) {
    PluginCatalog catalog = new PluginCatalog();
    for (PluginKind kind : PluginKind.values()) {
      try {
        for (PluginFactory factory : ServiceLoader.load(kind.contract(), classLoader)) {
          catalog.add(kind, factory, false);
        }
      } catch (ServiceConfigurationError broken) {
        throw new IllegalStateException(
            "A " + kind.name().toLowerCase() + " plugin on the class path cannot be loaded: "
                + broken.getMessage(), broken);
      }
    }
    for (PluginFactory factory : direct) {
      catalog.add(PluginKind.of(factory), factory, true);
    }
    return catalog;
  }

  /**
   * Adds a plugin; a plugin handed over directly replaces the ServiceLoader instance of the same
   * class, so its settings become the defaults.
   */
  private void add(PluginKind kind, PluginFactory factory, boolean direct) {
    String name = factory.name();
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalStateException(
          "Plugin " + factory.getClass().getName() + " has the name '" + name
              + "'; names are 1 to 40 lower-case letters, digits and dashes");
    }
    PluginFactory known = byKind.get(kind).get(name);
    if (known != null && known.getClass() != factory.getClass()) {
      throw new IllegalStateException(
          "Two " + kind.name().toLowerCase() + " plugins are named '" + name + "': "
              + known.getClass().getName() + " and " + factory.getClass().getName()
              + ". Remove one jar from the class path.");
    }
    if (known == null || direct) {
      byKind.get(kind).put(name, factory);
    }
  }

  /**
   * Makes every plugin selectable by name in configuration. Touches nothing of the mapper's but
   * the plugin contracts: it registers their subtypes, and answers a missing {@code type:} only
   * for a plugin contract (other types fail as they would without it).
   *
   * @param mapper the mapper that parses the configuration
   */
  public void registerWith(ObjectMapper mapper) {
    for (PluginKind kind : PluginKind.values()) {
      for (PluginFactory factory : byKind.get(kind).values()) {
        mapper.registerSubtypes(new NamedType(factory.getClass(), factory.name()));
      }
    }
    mapper.addHandler(new SoleDefaultType());
  }

  /** A plugin block without {@code type:} takes the only plugin of its kind. */
  private final class SoleDefaultType extends DeserializationProblemHandler {
    @Override
    public JavaType handleMissingTypeId(
        DeserializationContext context, JavaType baseType, TypeIdResolver resolver, String message)
        throws InvalidTypeIdException {
      for (PluginKind kind : PluginKind.values()) {
        if (baseType.getRawClass() == kind.contract()) {
          List<PluginFactory> candidates = all(kind);
          if (candidates.size() != 1) {
            throw InvalidTypeIdException.from(
                context.getParser(),
                kind.configKey() + " is missing; name one of: " + names(kind),
                baseType,
                null);
          }
          return context.constructType(candidates.get(0).getClass());
        }
      }
      return null;
    }
  }

  /**
   * The plugins of a kind.
   *
   * @param kind the kind
   * @return the plugins, the instances carrying their defaults, in discovery order
   */
  public List<PluginFactory> all(PluginKind kind) {
    return List.copyOf(byKind.get(kind).values());
  }

  /**
   * The plugin to use for a kind that configuration leaves out: the only one there is.
   *
   * @param kind the kind
   * @param <T> the contract type
   * @return the plugin's default instance
   * @throws IllegalStateException when there is none, or several to choose from
   */
  public <T extends PluginFactory> T soleDefault(PluginKind kind) {
    List<PluginFactory> candidates = all(kind);
    if (candidates.size() != 1) {
      throw new IllegalStateException(
          (candidates.isEmpty()
                  ? "No " + kind.name().toLowerCase() + " plugin is on the class path"
                  : "Several " + kind.name().toLowerCase() + " plugins are available ("
                      + names(kind) + ")")
              + "; name one with " + kind.configKey());
    }
    @SuppressWarnings("unchecked")
    T only = (T) kind.contract().cast(candidates.get(0));
    return only;
  }

  /**
   * The store to use: the one configuration names, or the only store plugin with its defaults.
   *
   * @param configured the {@code status.store} block, or null when left out
   * @return the store factory
   * @throws IllegalStateException when none is configured and there is not exactly one
   */
  public StoreFactory storeOf(StoreFactory configured) {
    return configured != null ? configured : soleDefault(PluginKind.STORE);
  }

  /**
   * The names of a kind's plugins, for messages and logs.
   *
   * @param kind the kind
   * @return the names, comma-separated, or "none"
   */
  public String names(PluginKind kind) {
    Collection<String> names = byKind.get(kind).keySet();
    return names.isEmpty() ? "none" : String.join(", ", names);
  }

  /**
   * One line per kind with each plugin's name and class, for the start-up log and the
   * {@code plugins} command.
   *
   * @return the lines
   */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    for (PluginKind kind : PluginKind.values()) {
      lines.add(
          kind.name().toLowerCase() + ": "
              + (byKind.get(kind).isEmpty()
                  ? "none"
                  : byKind.get(kind).values().stream()
                      .map(f -> f.name() + " (" + f.getClass().getName() + ")")
                      .collect(Collectors.joining(", "))));
    }
    return lines;
  }
}
