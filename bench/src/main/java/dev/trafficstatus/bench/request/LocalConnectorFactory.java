package dev.trafficstatus.bench.request;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.metrics.jetty12.InstrumentedConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.util.thread.ThreadPool;

/**
 * A Dropwizard connector of {@code type: local}: Jetty's {@link LocalConnector}, which takes raw
 * HTTP bytes in memory instead of from a socket. Everything else is what {@code type: http} builds
 * (the same HTTP configuration, the same instrumented connection factory, the server's own thread
 * pool, and the same place in Dropwizard's connector routing), so a request through it runs the
 * whole server path except the socket and its selector.
 */
@JsonTypeName("local")
public class LocalConnectorFactory extends HttpConnectorFactory {

  @Override
  public Connector build(Server server, MetricRegistry metrics, String name, ThreadPool threadPool) {
    HttpConnectionFactory http = buildHttpConnectionFactory(buildHttpConfiguration());
    InstrumentedConnectionFactory instrumented =
        new InstrumentedConnectionFactory(http, metrics.timer(httpConnections()));
    LocalConnector connector =
        new LocalConnector(
            server, threadPool, new ScheduledExecutorScheduler(), buildBufferPool(), 0, instrumented);
    connector.setName(name);
    return connector;
  }
}
