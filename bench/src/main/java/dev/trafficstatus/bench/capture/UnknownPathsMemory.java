package dev.trafficstatus.bench.capture;

import dev.trafficstatus.bench.app.BenchApp;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.ArrayList;
import java.util.List;

/**
 * What a scan of unknown paths costs in memory: the bench app with the Jersey capture on answers
 * 10^5 requests for paths no resource has (404), and the heap retained after collections is
 * compared before and after. Unknown paths are counted, never turned into routes, so the growth
 * should be noise (tens of KB), whatever the number of paths.
 *
 * <p>Run after {@code mvn -B -q -DskipTests package}: {@code java -Xmx256m -cp
 * bench/target/benchmarks.jar dev.trafficstatus.bench.capture.UnknownPathsMemory [requests]}.
 * A benchmark, not a test: memory after a collection varies from run to run.
 */
public final class UnknownPathsMemory {

  private UnknownPathsMemory() {}

  /**
   * Runs the scan and prints the heap growth.
   *
   * @param args optionally the number of requests (default 100000)
   * @throws Exception when the app cannot start or a request fails
   */
  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int port = freePort();
    Path work = Files.createTempDirectory("unknown-paths");
    Path config = work.resolve("bench.yml");
    Files.writeString(
        config,
        """
        server:
          applicationConnectors: [{type: http, bindHost: 127.0.0.1, port: %d}]
          adminConnectors: [{type: http, bindHost: 127.0.0.1, port: %d}]
          requestLog: {appenders: []}
        logging: {level: WARN}
        status:
          service: bench
          store: {type: jdbi, database: {url: "jdbc:h2:%s", user: sa, password: ""}}
          captures: [{type: jersey}]
        """
            .formatted(port, freePort(), work.resolve("status").toAbsolutePath()));
    new BenchApp().run("server", config.toString());

    HttpClient http = HttpClient.newHttpClient();
    SplittableRandom random = new SplittableRandom(7);
    scan(http, port, random, 5_000); // warm pools, JIT and Jersey's caches first
    long before = usedHeapAfterGc();
    long notFound = scan(http, port, random, requests);
    long after = usedHeapAfterGc();
    System.out.printf(
        "%,d unknown paths (%,d answered 404): heap retained before %,d KB, after %,d KB,"
            + " growth %,d KB%n",
        requests, notFound, before / 1024, after / 1024, (after - before) / 1024);
    System.exit(0);
  }

  private static long scan(HttpClient http, int port, SplittableRandom random, int requests)
      throws Exception {
    List<String> paths = new ArrayList<>(requests);
    for (int i = 0; i < requests; i++) {
      paths.add("/no/such/" + Long.toString(random.nextLong() >>> 1, 36) + "/" + i);
    }
    AtomicLong notFound = new AtomicLong();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int first = t;
      done.add(
          threads.submit(
              () -> {
                for (int i = first; i < paths.size(); i += 4) {
                  HttpResponse<Void> answer =
                      http.send(
                          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + paths.get(i)))
                              .build(),
                          HttpResponse.BodyHandlers.discarding());
                  if (answer.statusCode() == 404) {
                    notFound.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (Future<?> future : done) {
      future.get();
    }
    threads.shutdown();
    return notFound.get();
  }

  /** The smallest used heap seen over a few collections: what is really retained. */
  private static long usedHeapAfterGc() throws InterruptedException {
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(100);
      Runtime runtime = Runtime.getRuntime();
      least = Math.min(least, runtime.totalMemory() - runtime.freeMemory());
    }
    return least;
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
