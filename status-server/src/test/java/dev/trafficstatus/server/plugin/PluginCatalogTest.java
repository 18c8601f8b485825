package dev.trafficstatus.server.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficstatus.spi.PluginContext;
import dev.trafficstatus.spi.capture.Capture;
import dev.trafficstatus.spi.capture.CaptureContext;
import dev.trafficstatus.spi.capture.CaptureFactory;
import dev.trafficstatus.spi.store.StatusStore;
import dev.trafficstatus.spi.store.StoreFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class PluginCatalogTest {

  /** A capture plugin as a third party would write it. */
  public static final class EchoCapture implements CaptureFactory {
    @Override
    public String name() {
      return "jersey";
    }

    @Override
    public Capture build(CaptureContext context) {
      return () -> "echo";
    }
  }

  public static final class BadlyNamedStore implements StoreFactory {
    @Override
    public String name() {
      return "My Store!";
    }

    @Override
    public StatusStore build(PluginContext context) {
      throw new UnsupportedOperationException();
    }
  }

  private final ClassLoader classPath = PluginCatalogTest.class.getClassLoader();

  @Test
  void serviceLoaderFindsEveryShippedPlugin() {
    PluginCatalog catalog = PluginCatalog.discover(classPath, List.of());

    assertThat(catalog.names(PluginKind.CAPTURE)).contains("jersey");
    assertThat(catalog.names(PluginKind.STORE)).isEqualTo("jdbi");
    assertThat(catalog.names(PluginKind.RENDERER)).isEqualTo("mustache");
  }

  @Test
  void twoPluginsWithOneNameFailWithBothClassesNamed() {
    assertThatThrownBy(() -> PluginCatalog.discover(classPath, List.of(new EchoCapture())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Two capture plugins are named 'jersey'")
        .hasMessageContaining(EchoCapture.class.getName());
  }

  @Test
  void aMalformedNameIsRefused() {
    assertThatThrownBy(() -> PluginCatalog.discover(classPath, List.of(new BadlyNamedStore())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'My Store!'");
  }

  @Test
  void aKindWithSeveralPluginsNeedsToBeNamed() {
    StoreFactory second =
        new StoreFactory() {
          @Override
          public String name() {
            return "other";
          }

          @Override
          public StatusStore build(PluginContext context) {
            throw new UnsupportedOperationException();
          }
        };
    PluginCatalog catalog = PluginCatalog.discover(classPath, List.of(second));

    assertThatThrownBy(() -> catalog.soleDefault(PluginKind.STORE))
        .hasMessageContaining("Several store plugins are available (jdbi, other)")
        .hasMessageContaining("status.store.type");
  }
}
