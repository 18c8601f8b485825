package dev.trafficstatus.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.trafficstatus.server.testapp.ShopConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * What clients get wrong gets a 4xx, and never a stack trace in the log: a declared length beyond
 * what Java's int holds was an unauthenticated 500 with an 8 KB trace, 50 MB of log in 10 s.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ClientErrorsTest {

  static final DropwizardAppExtension<ShopConfiguration> APP =
      new DropwizardAppExtension<>(ShopWithApi.support(ShopWithApi.memoryDatabase()));

  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void listen() {
    logged.start();
    root().addAppender(logged);
  }

  @AfterEach
  void stopListening() {
    root().detachAppender(logged);
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  private static int raw(String request) {
    return ShopWithApi.client(APP.getTestSupport()).raw(request.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void aBodyDeclaredBeyondAnIntIsTooLargeWithOrWithoutAToken() {
    String body = "{\"rule\": \"/hello\"}";
    for (String auth : List.of("Authorization: Bearer " + ShopWithApi.SECRET + "\r\n", "")) {
      for (String method : List.of("PUT", "DELETE")) {
        for (String length : List.of("2147483648", "9223372036854775807",
            String.valueOf(ApiRequestReader.MAX_BODY_BYTES + 1))) {
          int status =
              raw(method + " " + ShopWithApi.API + " HTTP/1.1\r\nHost: x\r\n" + auth
                  + "Content-Type: application/json\r\nContent-Length: " + length
                  + "\r\nConnection: close\r\n\r\n" + body);
          assertThat(status).as(method + " " + length + (auth.isEmpty() ? " without" : " with") + " a token")
              .isEqualTo(413);
        }
      }
    }
    assertThat(logged.list)
        .as("nothing logged with a stack trace")
        .noneMatch(event -> event.getThrowableProxy() != null && event.getLevel().isGreaterOrEqual(Level.WARN));
  }
}
