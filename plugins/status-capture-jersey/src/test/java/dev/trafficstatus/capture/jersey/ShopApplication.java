package dev.trafficstatus.capture.jersey;

import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.capture.Capture;
import dev.trafficstatus.testkit.RecordingRecorder;
import dev.trafficstatus.testkit.TestCaptureContext;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.basic.BasicCredentialAuthFilter;
import io.dropwizard.auth.basic.BasicCredentials;
import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Environment;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.glassfish.jersey.server.model.Resource;

/**
 * A Dropwizard application with the Jersey capture built the way the server builds it: from the
 * factory, with a context whose recorder counts in memory.
 */
public final class ShopApplication extends Application<Configuration> {

  static final String SERVICE = "shop";
  static final String FRAGILE_RULE = "/fragile";

  private final RecordingRecorder recorder = new RecordingRecorder(Set.of(FRAGILE_RULE));
  private volatile Map<String, RouteDescriptor> declaredAtStart;
  private Capture capture;

  @Override
  public void run(Configuration configuration, Environment environment) {
    capture =
        new JerseyCaptureFactory()
            .build(new TestCaptureContext(SERVICE, recorder, environment));
    registerResources(environment);
    registerAuth(environment);
    environment
        .lifecycle()
        .addServerLifecycleListener(server -> declaredAtStart = recorder.declared());
  }

  private static void registerResources(Environment environment) {
    environment.jersey().register(new ShopResources.HelloResource());
    environment.jersey().register(new ShopResources.ItemsResource());
    environment.jersey().register(new ShopResources.NumbersResource());
    environment.jersey().register(new ShopResources.ReportsResource());
    environment.jersey().register(new ShopResources.OrdersResource());
    environment.jersey().register(new ShopResources.AsyncResource());
    environment.jersey().register(new ShopResources.PingResource());
    environment.jersey().register(new ShopResources.BoomResource());
    environment.jersey().register(new ShopResources.AccountResource());
    environment.jersey().register(new ShopResources.FragileResource());
    environment.jersey().register(new ShopResources.OutOfStockMapper());
    // A resource built in code, answered by a lambda: no Java method name worth showing.
    Resource.Builder built = Resource.builder("/built/{id}");
    built.addMethod("GET").produces(MediaType.TEXT_PLAIN_TYPE).handledBy(request -> "built");
    environment.jersey().getResourceConfig().registerResources(built.build());
  }

  private static void registerAuth(Environment environment) {
    environment
        .jersey()
        .register(
            new AuthDynamicFeature(
                new BasicCredentialAuthFilter.Builder<ShopResources.Shopper>()
                    .setAuthenticator(ShopApplication::authenticate)
                    .setRealm("shop")
                    .buildAuthFilter()));
    environment
        .jersey()
        .register(new AuthValueFactoryProvider.Binder<>(ShopResources.Shopper.class));
  }

  private static Optional<ShopResources.Shopper> authenticate(BasicCredentials credentials) {
    return "secret".equals(credentials.getPassword())
        ? Optional.of(new ShopResources.Shopper(credentials.getUsername()))
        : Optional.empty();
  }

  RecordingRecorder recorder() {
    return recorder;
  }

  Capture capture() {
    return capture;
  }

  /** The routes declared when the server had started, before it served any request. */
  Map<String, RouteDescriptor> declaredAtStart() {
    return declaredAtStart;
  }
}
