package dev.trafficstatus.server.wiring;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's {@link System.Logger}s, writing to SLF4J (and so to the host's logging
 * configuration) for the core's components only. The JVM's own logger finder is left alone: an
 * app that embeds the bundle keeps its {@code System.Logger} routing, and the core's log lines do
 * not pass through java.util.logging, whose shutdown hook would drop those of a graceful stop.
 */
final class Slf4jSystemLogger implements System.Logger {

  private final Logger delegate;

  private Slf4jSystemLogger(Logger delegate) {
    this.delegate = delegate;
  }

  /**
   * The logger of a core component.
   *
   * @param owner the component's class, whose name the logger takes
   * @return the logger
   */
  static System.Logger of(Class<?> owner) {
    return new Slf4jSystemLogger(LoggerFactory.getLogger(owner));
  }

  @Override
  public String getName() {
    return delegate.getName();
  }

  @Override
  public boolean isLoggable(Level level) {
    return switch (level) {
      case ALL, TRACE -> delegate.isTraceEnabled();
      case DEBUG -> delegate.isDebugEnabled();
      case INFO -> delegate.isInfoEnabled();
      case WARNING -> delegate.isWarnEnabled();
      case ERROR -> delegate.isErrorEnabled();
      case OFF -> false;
    };
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
    if (isLoggable(level)) {
      write(level, message, thrown);
    }
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String format, Object... params) {
    if (isLoggable(level)) {
      write(level, params == null || params.length == 0 ? format : MessageFormat.format(format, params), null);
    }
  }

  @Override
  public void log(Level level, Supplier<String> message, Throwable thrown) {
    if (isLoggable(level)) {
      write(level, message.get(), thrown);
    }
  }

  private void write(Level level, String message, Throwable thrown) {
    switch (level) {
      case ALL, TRACE -> delegate.trace(message, thrown);
      case DEBUG -> delegate.debug(message, thrown);
      case INFO -> delegate.info(message, thrown);
      case WARNING -> delegate.warn(message, thrown);
      case ERROR -> delegate.error(message, thrown);
      case OFF -> {
        // Never logged.
      }
    }
  }
}
