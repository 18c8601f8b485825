package dev.trafficstatus.capture.jersey;

import static dev.trafficstatus.capture.jersey.Traffic.expectedCounts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.capture.jersey.Traffic.Batch;
import dev.trafficstatus.capture.jersey.Traffic.Call;
import dev.trafficstatus.spi.RouteDescriptor;
import dev.trafficstatus.spi.RouteKey;
import dev.trafficstatus.testkit.RecordingRecorder;
import io.dropwizard.core.Configuration;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Routes a Dropwizard application protects, wired as Dropwizard's manual says (dropwizard-auth's
 * {@code AuthDynamicFeature} with basic auth, Jersey's {@code RolesAllowedDynamicFeature}): each is
 * declared restricted, and counted exactly like a public route.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RestrictedRoutesTest {

  private static final DropwizardAppExtension<Configuration> APP =
      new DropwizardAppExtension<>(
          GuardedApplication.WithDropwizardAuth.class, ResourceHelpers.resourceFilePath("shop.yml"));

  static final String ADA = ShopClient.basic("ada", "secret");
  static final String BOB = ShopClient.basic("bob", "secret");
  static final String WRONG_PASSWORD = ShopClient.basic("ada", "guess");

  private GuardedApplication app;
  private RecordingRecorder recorder;
  private Traffic traffic;

  @BeforeEach
  void connect() {
    app = APP.getApplication();
    recorder = app.recorder();
    traffic = new Traffic(new ShopClient(APP.getLocalPort()), recorder);
  }

  @Test
  void declaresEveryProtectedRouteRestrictedBeforeAnyRequest() {
    assertThat(app.declaredAtStart())
        .containsExactlyInAnyOrderEntriesOf(
            Map.ofEntries(
                open("/open", "open", "OpenResource"),
                // An @Auth parameter, required or optional.
                restricted("/me", "me", "MeResource"),
                restricted("/me/greeting", "greeting", "MeResource"),
                // @RolesAllowed on the class.
                restricted("/admin/reports", "reports", "AdminResource"),
                // @PermitAll: under dropwizard-auth, any signed-in member, not anyone.
                restricted("/admin/motd", "messageOfTheDay", "AdminResource"),
                // @DenyAll on the method, then on the class.
                restricted("/closed", "closed", "ClosedResource"),
                restricted("/archive", "list", "ArchiveResource"),
                restricted("/archive/index", "index", "ArchiveResource"),
                // A public GET and a @RolesAllowed DELETE share the template.
                restricted("/items/{itemId}", "show", "ItemResource"),
                // @RolesAllowed on the interface method only.
                restricted("/ping", "ping", "PingResource"),
                // Below a public locator, a public and a protected method.
                open("/orders/{orderId}", "show", "OrderResource"),
                restricted("/orders/{orderId}/refund", "refund", "OrderResource"),
                // Below a protected locator.
                restricted("/vault/{box}", "open", "BoxResource")));
  }

  @Test
  void countsRequestsToRestrictedRoutesAsItCountsAnyOther() throws Exception {
    List<Call> calls =
        List.of(
            new Call("GET", "/open", null, 2, 200, "/open"),
            new Call("GET", "/me", null, 2, 401, "/me"),
            new Call("GET", "/me", WRONG_PASSWORD, 1, 401, "/me"),
            new Call("GET", "/me", ADA, 3, 200, "/me"),
            new Call("GET", "/me/greeting", null, 1, 200, "/me/greeting"),
            new Call("GET", "/me/greeting", BOB, 1, 200, "/me/greeting"),
            new Call("GET", "/admin/reports", null, 1, 401, "/admin/reports"),
            new Call("GET", "/admin/reports", BOB, 2, 403, "/admin/reports"),
            new Call("GET", "/admin/reports", ADA, 1, 200, "/admin/reports"),
            new Call("GET", "/admin/motd", null, 1, 401, "/admin/motd"),
            new Call("GET", "/admin/motd", BOB, 2, 200, "/admin/motd"),
            new Call("GET", "/closed", null, 1, 401, "/closed"),
            new Call("GET", "/closed", ADA, 2, 403, "/closed"),
            // Neither Jersey nor dropwizard-auth enforces a class @DenyAll: restricted all the same.
            new Call("GET", "/archive", null, 1, 200, "/archive"),
            new Call("GET", "/archive/index", null, 1, 401, "/archive/index"),
            new Call("GET", "/archive/index", BOB, 1, 200, "/archive/index"),
            new Call("GET", "/items/7", null, 3, 200, "/items/{itemId}"),
            new Call("DELETE", "/items/7", null, 1, 401, "/items/{itemId}"),
            new Call("DELETE", "/items/7", BOB, 1, 403, "/items/{itemId}"),
            new Call("DELETE", "/items/7", ADA, 1, 204, "/items/{itemId}"),
            new Call("GET", "/ping", null, 1, 401, "/ping"),
            new Call("GET", "/ping", ADA, 1, 200, "/ping"),
            new Call("GET", "/orders/1", null, 2, 200, "/orders/{orderId}"),
            new Call("POST", "/orders/1/refund", BOB, 1, 403, "/orders/{orderId}/refund"),
            new Call("POST", "/orders/1/refund", ADA, 1, 200, "/orders/{orderId}/refund"),
            // Jersey enforces no annotation on a locator: restricted all the same.
            new Call("GET", "/vault/a", null, 1, 200, "/vault/{box}"));

    Batch batch = traffic.send(calls);

    assertThat(batch.counts()).isEqualTo(expectedCounts(calls));
    assertThat(batch.unmatched()).isZero();
  }

  @Test
  void routesFoundOnlyWhenAnUntypedLocatorRunsFollowTheSameRule() throws Exception {
    String notes = "/orders/{orderId}/notes";
    String receipt = "/orders/{orderId}/receipt";
    assertThat(app.declaredAtStart()).doesNotContainKeys(notes, receipt);
    List<Call> calls =
        List.of(
            new Call("GET", "/orders/2/notes", null, 1, 401, notes),
            new Call("GET", "/orders/2/notes", BOB, 2, 200, notes),
            new Call("GET", "/orders/3/receipt", null, 2, 200, receipt));

    Batch batch = traffic.send(calls);

    assertThat(batch.counts()).isEqualTo(expectedCounts(calls));
    assertThat(recorder.declared())
        .containsEntry(notes, restricted(notes, "list", "NotesResource").getValue())
        .containsEntry(receipt, open(receipt, "show", "ReceiptResource").getValue());
  }

  static Map.Entry<String, RouteDescriptor> open(String rule, String name, String group) {
    return descriptor(rule, name, group, false);
  }

  static Map.Entry<String, RouteDescriptor> restricted(String rule, String name, String group) {
    return descriptor(rule, name, group, true);
  }

  private static Map.Entry<String, RouteDescriptor> descriptor(
      String rule, String name, String group, boolean restricted) {
    return Map.entry(
        rule,
        new RouteDescriptor(
            new RouteKey(GuardedApplication.SERVICE, rule), name, "", group, restricted));
  }
}
