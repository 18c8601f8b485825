package dev.trafficstatus.bench.fleet;

import java.nio.file.Path;

/**
 * One run of the fleet simulator, from its command line.
 *
 * @param instances how many processes write at once
 * @param routes how many routes each serves (the same routes on every instance)
 * @param minutes how many simulated minutes to run; bounded by {@link #MAX_MINUTES}
 * @param minuteMillis how long a simulated minute lasts in real time
 * @param killAt the simulated minute at which instance 0 is killed (after it recorded that
 *     minute, before it flushed it); negative for no kill
 * @param restartAfter how many minutes after the kill it starts again, under a new instance id
 * @param maxConnections PostgreSQL's {@code max_connections}; 100 is PostgreSQL's own default
 * @param out where the per-minute CSV goes
 */
record FleetSettings(
    int instances,
    int routes,
    int minutes,
    long minuteMillis,
    int killAt,
    int restartAfter,
    int maxConnections,
    Path out) {

  /** The longest run: a simulated day, however the arguments are given. */
  static final int MAX_MINUTES = 1_440;

  FleetSettings {
    if (instances < 1 || routes < 1 || minutes < 1 || minutes > MAX_MINUTES || minuteMillis < 100) {
      throw new IllegalArgumentException(
          "need instances >= 1, routes >= 1, 1 <= minutes <= " + MAX_MINUTES + ", minuteMillis >= 100");
    }
  }

  /**
   * Parses {@code --instances 200 --routes 200 --minutes 80 --minute-millis 3000 --kill-at 40
   * --restart-after 2 --max-connections 100 --out fleet.csv}; every option has a default.
   *
   * @param args the command line
   * @return the settings
   */
  static FleetSettings parse(String[] args) {
    int instances = 10;
    int routes = 100;
    int minutes = 80;
    long minuteMillis = 3_000;
    Integer killAt = null;
    int restartAfter = 2;
    int maxConnections = 100;
    Path out = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      String value = args[i + 1];
      switch (args[i]) {
        case "--instances" -> instances = Integer.parseInt(value);
        case "--routes" -> routes = Integer.parseInt(value);
        case "--minutes" -> minutes = Integer.parseInt(value);
        case "--minute-millis" -> minuteMillis = Long.parseLong(value);
        case "--kill-at" -> killAt = Integer.parseInt(value);
        case "--restart-after" -> restartAfter = Integer.parseInt(value);
        case "--max-connections" -> maxConnections = Integer.parseInt(value);
        case "--out" -> out = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException("options come in pairs: --name value");
    }
    return new FleetSettings(
        instances,
        routes,
        minutes,
        minuteMillis,
        killAt != null ? killAt : minutes / 2,
        restartAfter,
        maxConnections,
        out != null ? out : Path.of("fleet-" + instances + "x" + routes + ".csv"));
  }
}
