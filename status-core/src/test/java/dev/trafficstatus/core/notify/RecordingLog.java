package dev.trafficstatus.core.notify;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/** A logger that keeps every line it is given, formatted as a log would show it. */
final class RecordingLog implements System.Logger {

  private final List<String> lines = new ArrayList<>();

  /** Every line logged at a level, oldest first. */
  synchronized List<String> at(Level level) {
    String prefix = level.getName() + " ";
    return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
  }

  /** Every line logged. */
  synchronized List<String> all() {
    return List.copyOf(lines);
  }

  @Override
  public String getName() {
    return "recording";
  }

  @Override
  public boolean isLoggable(Level level) {
    return true;
  }

  @Override
  public synchronized void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
    lines.add(level.getName() + " " + message + (thrown == null ? "" : " " + thrown));
  }

  @Override
  public synchronized void log(Level level, ResourceBundle bundle, String format, Object... params) {
    lines.add(level.getName() + " " + (params == null || params.length == 0 ? format : MessageFormat.format(format, params)));
  }

  @Override
  public void log(Level level, Supplier<String> message) {
    log(level, (ResourceBundle) null, message.get(), (Throwable) null);
  }
}
