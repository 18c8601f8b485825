package dev.trafficstatus.core.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassifierTest {

  private final Classifier flaskStatus = Classifier.defaults();

  @Test
  void flaskStatusRuleCountsSuccessesAndRedirectsAsUp() {
    assertThat(flaskStatus.classify(200)).isEqualTo(Outcome.SUCCESS);
    assertThat(flaskStatus.classify(204)).isEqualTo(Outcome.SUCCESS);
    assertThat(flaskStatus.classify(302)).isEqualTo(Outcome.SUCCESS);
    assertThat(flaskStatus.classify(399)).isEqualTo(Outcome.SUCCESS);
  }

  @Test
  void flaskStatusRuleCountsNotFoundAndEveryServerErrorAsDown() {
    assertThat(flaskStatus.classify(404)).isEqualTo(Outcome.FAILURE);
    for (int code = 500; code <= 599; code++) {
      assertThat(flaskStatus.classify(code)).isEqualTo(Outcome.FAILURE);
    }
  }

  @Test
  void flaskStatusRuleIgnoresOtherClientErrorsAndNonsense() {
    assertThat(flaskStatus.classify(400)).isEqualTo(Outcome.IGNORED);
    assertThat(flaskStatus.classify(401)).isEqualTo(Outcome.IGNORED);
    assertThat(flaskStatus.classify(429)).isEqualTo(Outcome.IGNORED);
    assertThat(flaskStatus.classify(100)).isEqualTo(Outcome.IGNORED);
    assertThat(flaskStatus.classify(-1)).isEqualTo(Outcome.IGNORED);
    assertThat(flaskStatus.classify(600)).isEqualTo(Outcome.IGNORED);
    assertThat(flaskStatus.classify(Integer.MAX_VALUE)).isEqualTo(Outcome.IGNORED);
  }

  @Test
  void configuredRangesReplaceFlaskStatusRule() {
    Classifier custom =
        Classifier.of(
            List.of(StatusRange.parse("2xx"), StatusRange.parse("404")),
            List.of(StatusRange.parse("500-503"), StatusRange.parse("429")),
            true);

    assertThat(custom.classify(404)).isEqualTo(Outcome.SUCCESS);
    assertThat(custom.classify(429)).isEqualTo(Outcome.FAILURE);
    assertThat(custom.classify(503)).isEqualTo(Outcome.FAILURE);
    assertThat(custom.classify(504)).isEqualTo(Outcome.IGNORED);
    assertThat(custom.classify(301)).isEqualTo(Outcome.IGNORED);
  }

  @Test
  void aCodeListedBothWaysIsRejected() {
    assertThatThrownBy(
            () -> Classifier.of(List.of(StatusRange.parse("5xx")), List.of(StatusRange.parse("503")), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("status 503 is listed as both success");
  }

  @Test
  void rangesReadTheThreeWrittenForms() {
    assertThat(StatusRange.parse("404")).isEqualTo(new StatusRange(404, 404));
    assertThat(StatusRange.parse("5xx")).isEqualTo(new StatusRange(500, 599));
    assertThat(StatusRange.parse(" 5XX ")).isEqualTo(new StatusRange(500, 599));
    assertThat(StatusRange.parse("500-504")).isEqualTo(new StatusRange(500, 504));
    assertThat(StatusRange.parse("500-504")).hasToString("500-504");
    assertThat(StatusRange.parse("2xx")).hasToString("2xx");
  }

  @Test
  void malformedRangesSayWhatIsAccepted() {
    for (String bad : List.of("", "abc", "6xx", "99", "1000", "504-500", "5x", "2xx-3xx")) {
      assertThatThrownBy(() -> StatusRange.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("404, 5xx or 500-504");
    }
  }

  @Test
  void aNotFoundFromARouteWithPathParametersIsIgnoredByDefault() {
    Classifier defaults = Classifier.defaults();

    assertThat(defaults.forRule("/items/{id}").classify(404)).isEqualTo(Outcome.IGNORED);
    assertThat(defaults.forRule("/items/{id}").classify(500)).isEqualTo(Outcome.FAILURE);
    assertThat(defaults.forRule("/items/{id}").classify(200)).isEqualTo(Outcome.SUCCESS);
    assertThat(defaults.forRule("/items").classify(404)).isEqualTo(Outcome.FAILURE);
  }

  @Test
  void flaskStatusExactRuleCountsEveryNotFoundAsAFailure() {
    Classifier exact =
        Classifier.of(
            List.of(StatusRange.parse("2xx"), StatusRange.parse("3xx")),
            List.of(StatusRange.parse("404"), StatusRange.parse("5xx")),
            false);

    assertThat(exact.forRule("/items/{id}").classify(404)).isEqualTo(Outcome.FAILURE);
    assertThat(exact.forRule("/items").classify(404)).isEqualTo(Outcome.FAILURE);
  }
}
