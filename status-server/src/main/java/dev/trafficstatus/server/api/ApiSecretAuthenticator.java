package dev.trafficstatus.server.api;

import io.dropwizard.auth.Authenticator;
import io.dropwizard.auth.PrincipalImpl;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.Optional;

/**
 * Accepts the one configured API secret. Tokens are compared as SHA-256 digests with {@link
 * MessageDigest#isEqual}, whose time depends on neither the contents nor the length of the secret,
 * so timing tells an attacker nothing about how much of a guess was right. The secret itself is not
 * kept; {@link #toString()} says nothing about it.
 */
final class ApiSecretAuthenticator implements Authenticator<String, PrincipalImpl> {

  /** The principal of every authenticated API request: there is one secret, so one client. */
  static final PrincipalImpl API_CLIENT = new PrincipalImpl("trafficstatus-api");

  private final byte[] secretDigest;

  /**
   * @param secret the configured secret, already validated as long enough
   */
  ApiSecretAuthenticator(String secret) {
    this.secretDigest = sha256(Objects.requireNonNull(secret, "secret"));
  }

  @Override
  public Optional<PrincipalImpl> authenticate(String token) {
    return MessageDigest.isEqual(sha256(token), secretDigest)
        ? Optional.of(API_CLIENT)
        : Optional.empty();
  }

  /** The digest tokens are compared as: 32 bytes, whatever the token. */
  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every JVM has SHA-256", impossible);
    }
  }

  @Override
  public String toString() {
    return "ApiSecretAuthenticator[secret=(redacted)]";
  }
}
