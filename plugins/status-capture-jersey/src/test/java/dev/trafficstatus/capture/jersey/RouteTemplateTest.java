package dev.trafficstatus.capture.jersey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTemplateTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''                                  | /",
        "/                                   | /",
        "//                                  | /",
        "orders                              | /orders",
        "/orders/                            | /orders",
        "/orders//{orderId}/                 | /orders/{orderId}",
        "/orders/{ orderId }                 | /orders/{orderId}",
        "/items/{id: [0-9]+}                 | /items/{id}",
        "/numbers/{n: \\d{1,3}}/squares      | /numbers/{n}/squares",
        "/files/{path: .+/.+}/meta           | /files/{path}/meta",
        "/v{major:[0-9]+}.{minor}/ping       | /v{major}.{minor}/ping",
        "/a/{x}/{y: (ab)?c}                  | /a/{x}/{y}",
      })
  void normalizesJoinedPathsIntoTemplates(String raw, String template) {
    assertThat(RouteTemplate.normalize(raw)).isEqualTo(template);
  }

  @ParameterizedTest(name = "{0} + {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''          | /orders      | /orders",
        "/orders     | {orderId}    | /orders/{orderId}",
        "/orders/    | /{orderId}/  | /orders/{orderId}",
        "/orders     | ''           | /orders",
      })
  void joinsLocatorAndMethodPathsWithOneSlash(String prefix, String path, String template) {
    assertThat(RouteTemplate.normalize(RouteTemplate.join(prefix, path))).isEqualTo(template);
  }
}
