package dev.trafficstatus.server.api;

import static dev.trafficstatus.server.api.ShopWithApi.API;
import static dev.trafficstatus.server.api.ShopWithApi.SECRET;
import static dev.trafficstatus.server.testapp.HostAuthApp.HOST_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.server.testapp.HostAuthApp;
import dev.trafficstatus.server.testapp.ShopConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bundle's API beside a host app's own dropwizard-auth (AuthDynamicFeature, @Auth,
 * RolesAllowed): each side accepts its own token only, and neither filter runs for the other's
 * resources.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class HostAuthCoexistenceTest {

  static final DropwizardAppExtension<ShopConfiguration> APP =
      new DropwizardAppExtension<>(
          HostAuthApp.class,
          ResourceHelpers.resourceFilePath("shop.yml"),
          ConfigOverride.config("status.store.database.url", ShopWithApi.memoryDatabase()),
          ConfigOverride.config("status.api.enabled", "true"),
          ConfigOverride.config("status.api.secret", SECRET));

  private static ApiClient client() {
    return new ApiClient("http://localhost:" + APP.getLocalPort());
  }

  @Test
  void theHostsResourcesTakeTheHostsTokenAndNotTheApiSecret() {
    assertThat(client().get("/account", "Authorization", "Bearer " + HOST_TOKEN).body()).isEqualTo("account of alice");
    assertThat(client().get("/admin", "Authorization", "Bearer " + HOST_TOKEN).status()).isEqualTo(200);
    assertThat(client().get("/public").status()).isEqualTo(200);

    ApiClient.Answer account = client().get("/account", "Authorization", "Bearer " + SECRET);
    assertThat(account.status()).isEqualTo(401);
    assertThat(account.wwwAuthenticate()).as("the host's own challenge").contains("realm=\"host\"");
    assertThat(client().get("/admin", "Authorization", "Bearer " + SECRET).status()).isEqualTo(401);
    assertThat(client().get("/account").status()).isEqualTo(401);
  }

  @Test
  void theApiTakesItsSecretAndNotTheHostsToken() {
    assertThat(client().authorized("GET", API, null, SECRET).status()).isEqualTo(200);

    ApiClient.Answer withHostToken = client().authorized("GET", API, null, HOST_TOKEN);
    assertThat(withHostToken.status()).isEqualTo(401);
    assertThat(withHostToken.wwwAuthenticate()).startsWith("Bearer realm=\"trafficstatus\"");
    assertThat(withHostToken.error()).isEqualTo("Invalid bearer token");
  }

  @Test
  void theHostKeepsItsOwnChoiceOfQueryTokensWhileTheApiRefusesThem() {
    assertThat(client().get("/account?access_token=" + HOST_TOKEN).status())
        .as("the host's stock OAuth filter takes access_token; that is the host's choice")
        .isEqualTo(200);
    assertThat(client().get(API + "?access_token=" + SECRET).status()).isEqualTo(401);
  }
}
