package dev.trafficstatus.capture.jersey;

import dev.trafficstatus.capture.jersey.GuardedResources.Member;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.testkit.RecordingRecorder;
import dev.trafficstatus.testkit.TestCaptureContext;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthFilter;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.basic.BasicCredentialAuthFilter;
import io.dropwizard.auth.basic.BasicCredentials;
import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Environment;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;

/**
 * A Dropwizard application whose routes are protected in every way the capture recognises, with
 * the capture built as the server builds it. Two ways to wire authentication, one subclass each:
 * {@link WithDropwizardAuth} as Dropwizard's manual says, and {@link WithJerseyRoles}, where only
 * Jersey's own {@link RolesAllowedDynamicFeature} enforces roles.
 *
 * <p>Members: {@code ada} (role admin) and {@code bob} (no role), password {@code secret}.
 */
public abstract class GuardedApplication extends Application<Configuration> {

  static final String SERVICE = "guarded";

  private final RecordingRecorder recorder = new RecordingRecorder();
  private volatile Map<String, RouteDescriptor> declaredAtStart;

  @Override
  public void run(Configuration configuration, Environment environment) {
    new JerseyCaptureFactory().build(new TestCaptureContext(SERVICE, recorder, environment));
    environment.jersey().register(new GuardedResources.OpenResource());
    environment.jersey().register(new GuardedResources.MeResource());
    environment.jersey().register(new GuardedResources.AdminResource());
    environment.jersey().register(new GuardedResources.ClosedResource());
    environment.jersey().register(new GuardedResources.ArchiveResource());
    environment.jersey().register(new GuardedResources.ItemResource());
    environment.jersey().register(new GuardedResources.PingResource());
    environment.jersey().register(new GuardedResources.OrdersResource());
    environment.jersey().register(new GuardedResources.VaultResource());
    environment.jersey().register(RolesAllowedDynamicFeature.class);
    environment.jersey().register(new AuthValueFactoryProvider.Binder<>(Member.class));
    registerAuthentication(environment, signIn());
    environment
        .lifecycle()
        .addServerLifecycleListener(server -> declaredAtStart = recorder.declared());
  }

  /** Puts dropwizard-auth's basic-auth filter in front of the routes that need it. */
  abstract void registerAuthentication(
      Environment environment, AuthFilter<BasicCredentials, Member> signIn);

  RecordingRecorder recorder() {
    return recorder;
  }

  /** The routes declared when the server had started, before it served any request. */
  Map<String, RouteDescriptor> declaredAtStart() {
    return declaredAtStart;
  }

  private static AuthFilter<BasicCredentials, Member> signIn() {
    return new BasicCredentialAuthFilter.Builder<Member>()
        .setAuthenticator(GuardedApplication::authenticate)
        .setAuthorizer((member, role, request) -> member.roles().contains(role))
        .setRealm("guarded")
        .buildAuthFilter();
  }

  private static Optional<Member> authenticate(BasicCredentials credentials) {
    if (!"secret".equals(credentials.getPassword())) {
      return Optional.empty();
    }
    return switch (credentials.getUsername()) {
      case "ada" -> Optional.of(new Member("ada", Set.of("admin")));
      case "bob" -> Optional.of(new Member("bob", Set.of()));
      default -> Optional.empty();
    };
  }

  /**
   * Dropwizard's way: {@link AuthDynamicFeature} authenticates the requests of every method with
   * an {@code @Auth} parameter or a security annotation, {@code @PermitAll} included.
   */
  public static final class WithDropwizardAuth extends GuardedApplication {
    @Override
    void registerAuthentication(
        Environment environment, AuthFilter<BasicCredentials, Member> signIn) {
      environment.jersey().register(new AuthDynamicFeature(signIn));
    }
  }

  /**
   * Without dropwizard-auth's feature: the same filter signs in whoever sends credentials and lets
   * everyone else through anonymously, and Jersey alone decides by the annotations, where
   * {@code @PermitAll} means anyone.
   */
  public static final class WithJerseyRoles extends GuardedApplication {
    @Override
    void registerAuthentication(
        Environment environment, AuthFilter<BasicCredentials, Member> signIn) {
      environment.jersey().register(new SignInWhenAsked(signIn));
    }
  }

  /** Runs the sign-in filter only for requests that carry credentials. */
  @Priority(Priorities.AUTHENTICATION)
  static final class SignInWhenAsked implements ContainerRequestFilter {
    private final ContainerRequestFilter signIn;

    SignInWhenAsked(ContainerRequestFilter signIn) {
      this.signIn = signIn;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
      if (request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
        signIn.filter(request);
      }
    }
  }
}
