package dev.trafficstatus.server.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A wrong token's rejection time says nothing about how much of it was right, checked by what
 * the code does rather than by a stopwatch (timing is measured in bench/, TokenRejectionBenchmark;
 * its figures are in RELIABILITY.md): tokens are compared as SHA-256 digests, always 32 bytes, with
 * {@link MessageDigest#isEqual}, whose time depends on neither content nor length, and never with
 * a comparison that stops at the first difference.
 */
class TokenComparisonTest {

  private static final String SECRET = "k9-Vq2xL7-pR4tZ8-mW3sY6";

  private final JavaClasses authenticator =
      new ClassFileImporter().importClasses(ApiSecretAuthenticator.class);

  @Test
  void onlyTheSecretIsAccepted() {
    ApiSecretAuthenticator check = new ApiSecretAuthenticator(SECRET);

    assertThat(check.authenticate(SECRET)).isPresent();
    for (String wrong : List.of("", "x", SECRET + "x", SECRET.substring(1), "X" + SECRET.substring(1))) {
      assertThat(check.authenticate(wrong)).as(wrong).isEmpty();
    }
  }

  @Test
  void tokensOfEveryLengthAreComparedAsDigestsOfOneLength() {
    for (int length : new int[] {0, 1, 16, 37, 2_048, 100_000}) {
      assertThat(ApiSecretAuthenticator.sha256("a".repeat(length))).hasSize(32);
    }
  }

  @Test
  void theComparisonIsMessageDigestIsEqual() {
    classes()
        .that()
        .haveSimpleName("ApiSecretAuthenticator")
        .should()
        .callMethod(MessageDigest.class, "isEqual", byte[].class, byte[].class)
        .check(authenticator);
  }

  @Test
  void noComparisonThatStopsAtTheFirstDifference() {
    noClasses()
        .that()
        .haveSimpleName("ApiSecretAuthenticator")
        .should()
        .callMethod(String.class, "equals", Object.class)
        .orShould()
        .callMethod(String.class, "contentEquals", CharSequence.class)
        .orShould()
        .callMethod(String.class, "compareTo", String.class)
        .orShould()
        .callMethod(Arrays.class, "equals", byte[].class, byte[].class)
        .orShould()
        .callMethod(String.class, "equalsIgnoreCase", String.class)
        .check(authenticator);
  }
}
