package dev.trafficstatus.bench.startup;

import dev.trafficstatus.bench.BenchDatabase;
import io.dropwizard.db.DataSourceFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A PostgreSQL server for {@code bench/startup.sh -d postgresql}: starts one (zonky's embedded
 * binaries, as the store's tests), creates an empty database for each round, prints one line per
 * database ({@code url}, tab, {@code user}) and then {@code ready}, and stops the server when its
 * standard input closes.
 */
public final class StartupPostgres {

  private StartupPostgres() {}

  /**
   * Runs the server.
   *
   * @param args the number of databases, 1..30
   * @throws IOException when the server cannot start or stop
   */
  public static void main(String[] args) throws IOException {
    int count = args.length == 1 ? Integer.parseInt(args[0]) : 0;
    if (count < 1 || count > 30) {
      throw new IllegalArgumentException("usage: StartupPostgres DATABASES (1..30)");
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (BenchDatabase postgres = BenchDatabase.start(BenchDatabase.Kind.POSTGRESQL)) {
      for (int i = 1; i <= count; i++) {
        DataSourceFactory database = postgres.database("startup_" + i);
        out.println(database.getUrl() + "\t" + database.getUser());
      }
      out.println("ready");
      InputStream in = System.in;
      while (in.read() >= 0) {
        // runs until the script closes our standard input
      }
    }
  }
}
