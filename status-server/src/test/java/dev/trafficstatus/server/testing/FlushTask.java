package dev.trafficstatus.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/**
 * The app's flush task ({@code /tasks/trafficstatus-flush} on the admin port), run until the
 * flusher has harvested every request a test sent. Jersey hands a request to the capture on {@code
 * FINISHED}, which can run just after the client has its answer: a test that flushes once, right
 * after its last answer, can miss the last request, and one that then moves the clock counts it
 * in the next minute.
 */
public final class FlushTask {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Client client;
  private final int adminPort;

  /**
   * @param client a client of the app
   * @param adminPort the app's admin port
   */
  public FlushTask(Client client, int adminPort) {
    this.client = client;
    this.adminPort = adminPort;
  }

  /**
   * Flushes once, then reads how many requests the flusher has harvested since the app started:
   * what a test's own requests are counted from.
   *
   * @return the harvested requests
   * @throws Exception when the app does not answer
   */
  public long harvested() throws Exception {
    flushOnce();
    return harvestedSoFar();
  }

  /**
   * Flushes until the flusher has harvested at least {@code requests} requests since the app
   * started, and every harvested minute is written.
   *
   * @param requests what {@link #harvested()} said before the test's requests, plus how many it sent
   * @throws Exception when that does not happen within 30 s
   */
  public void untilHarvested(long requests) throws Exception {
    // The gauge counts what flushes harvested: once it has them all, the flush that harvested the
    // last of them has written them too (it said "pending: 0").
    Eventually.await(requests + " requests harvested and written", Duration.ofSeconds(30),
        () -> flushOnce() && harvestedSoFar() >= requests);
  }

  private boolean flushOnce() {
    try (Response flushed = client.target("http://localhost:" + adminPort + "/tasks/trafficstatus-flush")
        .request().post(Entity.text(""))) {
      return flushed.getStatus() == 200 && flushed.readEntity(String.class).contains("pending: 0");
    }
  }

  private long harvestedSoFar() throws Exception {
    JsonNode metrics = JSON.readTree(client.target("http://localhost:" + adminPort + "/metrics")
        .request().get(String.class));
    return metrics.at("/gauges/trafficstatus.requests.captured/value").asLong();
  }
}
