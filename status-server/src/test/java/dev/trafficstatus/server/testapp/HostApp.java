package dev.trafficstatus.server.testapp;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.trafficstatus.server.StatusBundle;
import dev.trafficstatus.server.StatusConfiguration;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.migrations.MigrationsBundle;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * A host app with its own MigrationsBundle (command {@code db}), its own JDBI on the same database
 * as the status store, and its own exception mapper, plus the status bundle: nothing may clash.
 */
public class HostApp extends Application<HostApp.HostConfiguration> {

  /** The host's configuration: its own database and the status block. */
  public static class HostConfiguration extends StatusConfiguration {
    @Valid @NotNull private DataSourceFactory database = new DataSourceFactory();

    @JsonProperty
    public DataSourceFactory getDatabase() {
      return database;
    }

    @JsonProperty
    public void setDatabase(DataSourceFactory database) {
      this.database = database;
    }
  }

  private StatusBundle<HostConfiguration> status;

  @Override
  public String getName() {
    return "host";
  }

  @Override
  public void initialize(Bootstrap<HostConfiguration> bootstrap) {
    bootstrap.addBundle(
        new MigrationsBundle<HostConfiguration>() {
          @Override
          public DataSourceFactory getDataSourceFactory(HostConfiguration configuration) {
            return configuration.getDatabase();
          }
        });
    status = new StatusBundle<>(HostConfiguration::getStatus);
    bootstrap.addBundle(status);
  }

  @Override
  public void run(HostConfiguration configuration, Environment environment) {
    Jdbi jdbi = new JdbiFactory().build(environment, configuration.getDatabase(), "host-db");
    environment.jersey().register(new WidgetResource(jdbi));
    environment.jersey().register(new HostErrorMapper());
  }

  public StatusBundle<HostConfiguration> status() {
    return status;
  }

  /** The host's own exception mapper, with its own error shape. */
  public static final class HostErrorMapper implements ExceptionMapper<IllegalArgumentException> {
    @Override
    public Response toResponse(IllegalArgumentException exception) {
      return Response.status(422)
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("problem", exception.getMessage()))
          .build();
    }
  }

  @Path("/widgets")
  @Produces(MediaType.APPLICATION_JSON)
  public static final class WidgetResource {
    private final Jdbi jdbi;

    WidgetResource(Jdbi jdbi) {
      this.jdbi = jdbi;
    }

    @GET
    public List<String> list() {
      return jdbi.withHandle(
          h -> h.createQuery("SELECT name FROM widgets ORDER BY name").mapTo(String.class).list());
    }

    @POST
    @Path("{name}")
    public Response add(@PathParam("name") String name) {
      if (name.length() > 20) {
        throw new IllegalArgumentException("widget names have at most 20 characters");
      }
      jdbi.useHandle(h -> h.execute("INSERT INTO widgets (name) VALUES (?)", name));
      return Response.status(Response.Status.CREATED).build();
    }
  }
}
