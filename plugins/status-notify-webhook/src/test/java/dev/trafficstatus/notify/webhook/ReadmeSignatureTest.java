package dev.trafficstatus.notify.webhook;

import static dev.trafficstatus.notify.webhook.TestNotifications.CHECKOUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficstatus.spi.notice.Impact;
import dev.trafficstatus.spi.notify.SendResult;
import dev.trafficstatus.testkit.MutableClock;
import dev.trafficstatus.testkit.TestNotifierContext;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's two signature checks, taken from README.md as printed, verify a real delivery: the
 * Java one compiled and called, the shell one run with bash and openssl. Both refuse a body that
 * was changed, a wrong secret and (Java) an old timestamp.
 */
class ReadmeSignatureTest {

  private static final Path README = Path.of("..", "..", "README.md");
  private static final String SECRET = "3f6c0e9b2a7d4815b0c1d2e3f4a5b6c7";

  @TempDir Path dir;

  private final LocalReceiver receiver = new LocalReceiver();
  private final MutableClock clock = MutableClock.at("2026-03-01T12:00:00Z");

  ReadmeSignatureTest() throws IOException {}

  @AfterEach
  void close() {
    receiver.close();
  }

  /** The first block of a language after the README's "Verifying a signature" heading. */
  private static String snippet(String language) throws IOException {
    String readme = Files.readString(README);
    int section = readme.indexOf("### Verifying a signature");
    assertThat(section).as("README.md has a 'Verifying a signature' section").isNotNegative();
    Matcher block =
        Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(readme.substring(section));
    assertThat(block.find()).as("a ```" + language + " block in it").isTrue();
    return block.group(1);
  }

  /** A real delivery: what the receiver got. */
  private LocalReceiver.Received deliver() throws Exception {
    WebhookNotifierFactory factory = new WebhookNotifierFactory();
    factory.setUrl(receiver.url("/hooks/status"));
    factory.setSecret(SECRET);
    SendResult result =
        factory.build(new TestNotifierContext(Duration.ofSeconds(10), clock))
            .send(TestNotifications.opened("Checkout is \"failing\" — ünïcode", Impact.MAJOR, "Looking.", CHECKOUT));
    assertThat(result.outcome()).isEqualTo(SendResult.Outcome.DELIVERED);
    return receiver.received().get(0);
  }

  @Test
  void theJavaSnippetVerifiesARealDelivery() throws Exception {
    LocalReceiver.Received got = deliver();
    Method verify = compile(snippet("java"), "StatusSignature")
        .getDeclaredMethod("verify", String.class, byte[].class, String.class, long.class);
    verify.setAccessible(true);
    String header = got.header("X-Status-Signature");
    byte[] body = got.body().getBytes(StandardCharsets.UTF_8);
    long now = clock.instant().getEpochSecond() + 30;

    assertThat(verify.invoke(null, header, body, SECRET, now)).isEqualTo(true);
    assertThat(verify.invoke(null, header, (got.body() + " ").getBytes(StandardCharsets.UTF_8), SECRET, now))
        .as("a changed body").isEqualTo(false);
    assertThat(verify.invoke(null, header, body, SECRET + "x", now)).as("another secret").isEqualTo(false);
    assertThat(verify.invoke(null, header, body, SECRET, now + 3600)).as("an old request").isEqualTo(false);
  }

  @Test
  void theShellSnippetVerifiesARealDelivery() throws Exception {
    LocalReceiver.Received got = deliver();
    String script = snippet("sh");

    Files.write(dir.resolve("body.json"), got.body().getBytes(StandardCharsets.UTF_8));
    assertThat(run(script, got.header("X-Status-Signature"), SECRET)).isEqualTo("valid");
    assertThat(run(script, got.header("X-Status-Signature"), SECRET + "x")).isEqualTo("INVALID");
    Files.write(dir.resolve("body.json"), (got.body() + " ").getBytes(StandardCharsets.UTF_8));
    assertThat(run(script, got.header("X-Status-Signature"), SECRET)).isEqualTo("INVALID");
  }

  private String run(String script, String signature, String secret) throws Exception {
    ProcessBuilder shell = new ProcessBuilder("bash", "-c", script).directory(dir.toFile()).redirectErrorStream(true);
    Map<String, String> env = shell.environment();
    env.put("SIGNATURE", signature);
    env.put("STATUS_WEBHOOK_SECRET", secret);
    Process process = shell.start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the snippet ends").isTrue();
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
  }

  /** Compiles one source file into the temporary directory and loads the class. */
  private Class<?> compile(String source, String className) throws Exception {
    Path src = dir.resolve(className + ".java");
    Files.writeString(src, source);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac).as("tests run on a JDK").isNotNull();
    int status = javac.run(null, null, null, "-d", dir.toString(), src.toString());
    assertThat(status).as("the README's Java compiles").isZero();
    try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {dir.toUri().toURL()})) {
      return Class.forName(className, true, loader);
    }
  }

}
