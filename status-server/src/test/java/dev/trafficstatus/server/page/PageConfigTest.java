package dev.trafficstatus.server.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficstatus.core.status.PageSettings;
import dev.trafficstatus.server.StatusConfiguration;
import dev.trafficstatus.server.testing.ConfigParsing;
import io.dropwizard.configuration.ConfigurationValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The page's keys as config.yml gives them, judged by the core's PageSettings. */
class PageConfigTest {

  private static PageSettings page(String block) throws Exception {
    StatusConfiguration config = ConfigParsing.parse("status:\n  page:\n" + block);
    return config.getStatus().getPage().build("shop");
  }

  @Test
  void theDefaultsShowEveryPublicRouteOfEveryServiceAndKeep64MibOfPages() throws Exception {
    PageSettings defaults = page("    enabled: true\n");

    assertThat(defaults.services()).isEmpty();
    assertThat(defaults.showProtectedRoutes()).isFalse();
    assertThat(defaults.renderCacheBytes()).isEqualTo(64L * 1024 * 1024);
    assertThat(defaults.otherWindowRenders()).isEqualTo(10);
  }

  @Test
  void theNewKeysBind() throws Exception {
    PageSettings settings = page("""
            services: [shop, billing]
            showProtectedRoutes: true
            renderCache: 16MiB
            otherWindowRenders: 0
        """);

    assertThat(settings.services()).containsExactly("shop", "billing");
    assertThat(settings.showProtectedRoutes()).isTrue();
    assertThat(settings.renderCacheBytes()).isEqualTo(16L * 1024 * 1024);
    assertThat(settings.otherWindowRenders()).isZero();
  }

  @Test
  void valuesOutOfBoundsFailStartUpNamingTheKey() {
    for (String bad : List.of("    renderCache: 512KiB\n", "    otherWindowRenders: -1\n",
        "    services: [\" \"]\n")) {
      assertThatThrownBy(() -> page(bad)).as(bad)
          .isInstanceOf(ConfigurationValidationException.class)
          .hasMessageContaining("status.page." + bad.strip().substring(0, bad.strip().indexOf(':')));
    }
  }
}
