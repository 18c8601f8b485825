package dev.trafficstatus.capture.jersey;

import static dev.trafficstatus.capture.jersey.RestrictedRoutesTest.ADA;
import static dev.trafficstatus.capture.jersey.RestrictedRoutesTest.BOB;
import static dev.trafficstatus.capture.jersey.RestrictedRoutesTest.open;
import static dev.trafficstatus.capture.jersey.RestrictedRoutesTest.restricted;
import static dev.trafficstatus.capture.jersey.Traffic.expectedCounts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.capture.jersey.Traffic.Batch;
import dev.trafficstatus.capture.jersey.Traffic.Call;
import io.dropwizard.core.Configuration;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The same routes where only Jersey's {@code RolesAllowedDynamicFeature} enforces the annotations
 * (dropwizard-auth's filter signs in whoever sends credentials, as a global filter): there
 * {@code @PermitAll} on a method means anyone, overriding its class's {@code @RolesAllowed} or
 * {@code @DenyAll}, so those two routes are public; every other stays restricted.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RestrictedRoutesUnderJerseyRolesTest {

  private static final DropwizardAppExtension<Configuration> APP =
      new DropwizardAppExtension<>(
          GuardedApplication.WithJerseyRoles.class, ResourceHelpers.resourceFilePath("shop.yml"));

  @Test
  void permitAllOnAMethodOverridesItsClassesRolesAndDenial() {
    GuardedApplication app = APP.getApplication();

    assertThat(app.declaredAtStart())
        .containsExactlyInAnyOrderEntriesOf(
            Map.ofEntries(
                open("/open", "open", "OpenResource"),
                restricted("/me", "me", "MeResource"),
                restricted("/me/greeting", "greeting", "MeResource"),
                restricted("/admin/reports", "reports", "AdminResource"),
                open("/admin/motd", "messageOfTheDay", "AdminResource"),
                restricted("/closed", "closed", "ClosedResource"),
                restricted("/archive", "list", "ArchiveResource"),
                open("/archive/index", "index", "ArchiveResource"),
                restricted("/items/{itemId}", "show", "ItemResource"),
                restricted("/ping", "ping", "PingResource"),
                open("/orders/{orderId}", "show", "OrderResource"),
                restricted("/orders/{orderId}/refund", "refund", "OrderResource"),
                restricted("/vault/{box}", "open", "BoxResource")));
  }

  @Test
  void countsPublicAndRestrictedRoutesAlike() throws Exception {
    GuardedApplication app = APP.getApplication();
    Traffic traffic = new Traffic(new ShopClient(APP.getLocalPort()), app.recorder());
    List<Call> calls =
        List.of(
            new Call("GET", "/admin/motd", null, 2, 200, "/admin/motd"),
            new Call("GET", "/archive/index", null, 1, 200, "/archive/index"),
            new Call("GET", "/admin/reports", null, 1, 403, "/admin/reports"),
            new Call("GET", "/admin/reports", BOB, 1, 403, "/admin/reports"),
            new Call("GET", "/admin/reports", ADA, 2, 200, "/admin/reports"),
            new Call("GET", "/closed", ADA, 1, 403, "/closed"),
            new Call("GET", "/me", ADA, 1, 200, "/me"));

    Batch batch = traffic.send(calls);

    assertThat(batch.counts()).isEqualTo(expectedCounts(calls));
    assertThat(batch.unmatched()).isZero();
  }
}
