package dev.trafficstatus.capture.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Probes are spread out in time, within bounds. */
class JitterTest {

  private static final Duration INTERVAL = Duration.ofSeconds(30);

  @Test
  void theFirstRunFallsInTheSecondHalfOfTheFirstIntervalAndVaries() {
    SplittableRandom random = new SplittableRandom(7);
    List<Duration> firsts =
        IntStream.range(0, 1000).mapToObj(i -> Jitter.first(INTERVAL, random)).toList();

    assertThat(firsts).allSatisfy(delay -> assertThat(delay).isBetween(Duration.ofSeconds(15), INTERVAL));
    assertThat(firsts.stream().distinct().count()).isGreaterThan(900);
  }

  @Test
  void laterRunsStayWithinTenPercentOfTheInterval() {
    SplittableRandom random = new SplittableRandom(7);
    List<Duration> nexts =
        IntStream.range(0, 1000).mapToObj(i -> Jitter.next(INTERVAL, random)).toList();

    assertThat(nexts).allSatisfy(delay -> assertThat(delay).isBetween(Duration.ofSeconds(27), Duration.ofSeconds(33)));
    assertThat(nexts).anySatisfy(delay -> assertThat(delay).isLessThan(Duration.ofMillis(28_500)));
    assertThat(nexts).anySatisfy(delay -> assertThat(delay).isGreaterThan(Duration.ofMillis(31_500)));
  }
}
