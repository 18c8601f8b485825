package dev.trafficstatus.server.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.jsonFormatVisitors.JsonFormatVisitorWrapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.module.SimpleSerializers;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import dev.trafficstatus.spi.PluginFactory;
import io.dropwizard.jackson.AnnotationSensitivePropertyNamingStrategy;
import io.dropwizard.jackson.FuzzyEnumModule;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Binds the {@code status:} block with a mapper of the bundle's own, as the page and the APIs write
 * their JSON with mappers of their own: a host app's mapper settings (a naming strategy, say) never
 * change what the block accepts.
 *
 * <p>The mapper has Dropwizard's modules and settings (Java 8 types, {@code java.time}, parameter
 * names, lenient enums, {@code @JsonSnakeCase}), the host's subtypes and the plugins' names, and no
 * Blackbird: Dropwizard's mapper has Blackbird make a class for every setter and getter of every
 * configuration class it binds or describes, 298 classes at start for the block's factories, for a
 * block bound once per start (measured in BENCHMARKS.md, start-up: fewer classes, no CPU difference
 * within the machine's noise).
 *
 * <p>The host mapper gets a module that hands the block ({@link StatusFactory}) to this mapper,
 * whole; and, for the description Dropwizard takes of the configuration classes (it lets {@code
 * -Ddw.status.…} overrides of lists split at commas), describes the block's classes (this package's
 * and every plugin factory) with this mapper too. Errors keep their path ({@code status.page.…}):
 * the host's binding of the enclosing class prefixes {@code status}.
 */
public final class StatusBlockBinding {

  private final ObjectMapper mapper;

  /**
   * Prepares the mapper that parses the host's configuration: registers the plugins' names on it
   * (for anything else of the host's that names a plugin type) and the module that binds the block
   * with a mapper of the bundle's own.
   *
   * @param host the host's mapper ({@code bootstrap.getObjectMapper()})
   * @param plugins registers the plugins' names on a mapper (the plugin catalog's {@code
   *     registerWith})
   */
  public static void install(ObjectMapper host, Consumer<ObjectMapper> plugins) {
    plugins.accept(host);
    host.registerModule(new StatusBlockBinding(host, plugins).module());
  }

  private StatusBlockBinding(ObjectMapper host, Consumer<ObjectMapper> plugins) {
    this.mapper = new ObjectMapper();
    mapper.registerModule(new FuzzyEnumModule());
    mapper.registerModule(new ParameterNamesModule());
    mapper.registerModule(new Jdk8Module());
    mapper.registerModule(new JavaTimeModule());
    mapper.setPropertyNamingStrategy(new AnnotationSensitivePropertyNamingStrategy());
    // The host's resolver: it has read Dropwizard's Discoverable types already.
    mapper.setSubtypeResolver(host.getSubtypeResolver());
    mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    plugins.accept(mapper);
  }

  private SimpleModule module() {
    SimpleModule module = new SimpleModule("trafficstatus-status-block");
    module.addDeserializer(StatusFactory.class, new BlockDeserializer(mapper.readerFor(StatusFactory.class)));
    module.setSerializers(new BlockSerializers(mapper));
    return module;
  }

  /** Whether a class belongs to the block: this package's, or a plugin's factory. */
  private static boolean inBlock(Class<?> type) {
    return type.getPackageName().equals(StatusBlockBinding.class.getPackageName())
        || PluginFactory.class.isAssignableFrom(type);
  }

  /** Reads the block with the bundle's mapper, strict about unknown fields as the host is. */
  private static final class BlockDeserializer extends StdDeserializer<StatusFactory> {
    private static final long serialVersionUID = 1L;
    private final transient ObjectReader reader;

    BlockDeserializer(ObjectReader reader) {
      super(StatusFactory.class);
      this.reader = Objects.requireNonNull(reader, "reader");
    }

    @Override
    public StatusFactory deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      DeserializationFeature unknown = DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES;
      return (context.isEnabled(unknown) ? reader.with(unknown) : reader.without(unknown)).readValue(parser);
    }
  }

  /** Writes and describes the block's classes with the bundle's mapper. */
  private static final class BlockSerializers extends SimpleSerializers {
    private static final long serialVersionUID = 1L;
    private final transient ObjectMapper mapper;

    BlockSerializers(ObjectMapper mapper) {
      this.mapper = mapper;
    }

    @Override
    public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type, BeanDescription description) {
      return inBlock(type.getRawClass()) ? new BlockSerializer(mapper, type) : null;
    }
  }

  private static final class BlockSerializer extends StdSerializer<Object> {
    private static final long serialVersionUID = 1L;
    private final transient ObjectMapper mapper;

    BlockSerializer(ObjectMapper mapper, JavaType type) {
      super(type);
      this.mapper = mapper;
    }

    @Override
    public void serialize(Object value, JsonGenerator generator, SerializerProvider provider) throws IOException {
      mapper.writerFor(handledType()).writeValue(generator, value);
    }

    @Override
    public void acceptJsonFormatVisitor(JsonFormatVisitorWrapper visitor, JavaType type)
        throws JsonMappingException {
      mapper.acceptJsonFormatVisitor(type, visitor);
    }
  }
}
