package dev.trafficstatus.server.api;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long the configure API takes to reject a wrong token, per kind of guess: a token of the
 * right length wrong at its first, middle or last character, one a character shorter, one a
 * character longer. Equal times (within the run's error) mean timing tells an attacker nothing
 * about how much of a guess was right. In the package of the authenticator, which is not public.
 *
 * <p>Over a 2,048-character secret, where an early-exit comparison shows plainly: {@code
 * String.equals} rejects "first wrong" or "shorter" several times faster than "last wrong".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(3)
public class TokenRejectionBenchmark {

  private static final String SECRET =
      "k9-Vq2xL7-pR4tZ8-mW3sY6-nB1cD5-hF0jG".repeat(57).substring(0, 2_048);

  /** Which wrong token. */
  @Param({"firstWrong", "middleWrong", "lastWrong", "shorter", "longer"})
  public String guess;

  private ApiSecretAuthenticator authenticator;
  private String token;

  /** Builds the authenticator and the guess. */
  @Setup
  public void setUp() {
    authenticator = new ApiSecretAuthenticator(SECRET);
    int length = SECRET.length();
    token =
        switch (guess) {
          case "firstWrong" -> "X" + SECRET.substring(1);
          case "middleWrong" ->
              SECRET.substring(0, length / 2) + "X" + SECRET.substring(length / 2 + 1);
          case "lastWrong" -> SECRET.substring(0, length - 1) + "X";
          case "shorter" -> SECRET.substring(0, length - 1);
          case "longer" -> SECRET + "X";
          default -> throw new IllegalArgumentException(guess);
        };
  }

  /**
   * One rejection.
   *
   * @return the (empty) principal, so nothing is optimised away
   */
  @Benchmark
  public Optional<?> reject() {
    return authenticator.authenticate(token);
  }
}
