package dev.trafficstatus.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rejecting a wrong token takes the same time whatever is wrong with it: a right-length guess
 * with the first or the last character wrong, or a guess of another length. Otherwise timing would
 * tell an attacker how much of a guess was right, or how long the secret is.
 *
 * <p>A statistical check, not a benchmark: the kinds of guess are timed in interleaved rounds, each
 * starting with another kind, so machine noise falls on all of them alike, and only a gross
 * difference (one kind taking half as long again as another, by median) fails. A byte-by-byte
 * comparison that stops at the first difference, or a length check before comparing, shows up
 * well beyond that over a long secret.
 */
class TokenTimingTest {

  /**
   * A long secret magnifies any dependence on how much of a guess is right: over 2,048 characters
   * even {@code String.equals}, which compares many bytes at a time and checks the length first,
   * is several times faster on a guess that is wrong early or of another length. (Over a 37-char
   * secret its differences drown in the call's own cost, and this test would pass it.)
   */
  private static final String SECRET =
      "k9-Vq2xL7-pR4tZ8-mW3sY6-nB1cD5-hF0jG".repeat(57).substring(0, 2_048);

  private static final int WARM_UP_ROUNDS = 30;
  private static final int ROUNDS = 41;
  private static final int CALLS_PER_ROUND = 1_000;

  @Test
  void wrongTokensOfAnyLengthAndContentAreRejectedInTheSameTime() {
    ApiSecretAuthenticator authenticator = new ApiSecretAuthenticator(SECRET);
    Map<String, String> guesses = new LinkedHashMap<>();
    int length = SECRET.length();
    guesses.put("right length, first character wrong", "X" + SECRET.substring(1));
    guesses.put("right length, middle character wrong",
        SECRET.substring(0, length / 2) + "X" + SECRET.substring(length / 2 + 1));
    guesses.put("right length, last character wrong", SECRET.substring(0, length - 1) + "X");
    // Lengths the attacker may probe for; a guess far shorter or longer costs less or more to hash,
    // which tells the attacker only the length of their own guess.
    guesses.put("one character shorter", SECRET.substring(0, length - 1));
    guesses.put("one character longer", SECRET + "X");
    Map<String, List<Long>> nanosPerCall = new LinkedHashMap<>();
    guesses.keySet().forEach(kind -> nanosPerCall.put(kind, new ArrayList<>()));

    int accepted = 0;
    List<Map.Entry<String, String>> kinds = new ArrayList<>(guesses.entrySet());
    for (int round = 0; round < WARM_UP_ROUNDS + ROUNDS; round++) {
      // Each round starts with another kind, so whatever favours a place in the round (a JIT
      // compilation finishing, a collection) falls on every kind alike.
      for (int k = 0; k < kinds.size(); k++) {
        Map.Entry<String, String> guess = kinds.get((round + k) % kinds.size());
        // Nothing else in the timed loop, so even a nanosecond-scale early exit would show.
        long started = System.nanoTime();
        for (int call = 0; call < CALLS_PER_ROUND; call++) {
          if (authenticator.authenticate(guess.getValue()).isPresent()) {
            accepted++;
          }
        }
        long perCall = (System.nanoTime() - started) / CALLS_PER_ROUND;
        if (round >= WARM_UP_ROUNDS) { // the first rounds warm the JIT up
          nanosPerCall.get(guess.getKey()).add(perCall);
        }
      }
    }

    Map<String, Long> medians = new LinkedHashMap<>();
    nanosPerCall.forEach((kind, times) -> medians.put(kind, median(times)));
    long fastest = medians.values().stream().mapToLong(Long::longValue).min().orElseThrow();
    long slowest = medians.values().stream().mapToLong(Long::longValue).max().orElseThrow();
    System.out.println("token rejection, median ns per call: " + medians);
    assertThat(accepted).isZero();
    assertThat((double) slowest / fastest).as("slowest / fastest median of %s", medians).isLessThan(1.5);
    assertThat(authenticator.authenticate(SECRET)).isPresent();
  }

  private static long median(List<Long> values) {
    long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
