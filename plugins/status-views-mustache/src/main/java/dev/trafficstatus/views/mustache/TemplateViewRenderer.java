package dev.trafficstatus.views.mustache;

import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import io.dropwizard.views.common.View;
import io.dropwizard.views.common.ViewRenderer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Renders {@link TemplatedPage}s with Mustache, from the owner's folder over the built-in
 * templates, keeping compiled templates or re-reading them on every render ({@code cache}, the
 * same switch as Dropwizard's {@code views: mustache: cache}).
 *
 * <p>Dropwizard's own {@code MustacheViewRenderer} is not used, for two reasons:
 * it reads either a folder or the class path, never the folder over the jar, so an owner would
 * have to copy every template to change one; and its mustache.java escaper writes control
 * characters as {@code &#0;}, which breaks the page's well-formed XML (see {@link MarkupEscaper}).
 * Both are fixed by its private factory, with no way to supply another.
 */
final class TemplateViewRenderer implements ViewRenderer {

  /** The templates the renderer starts from; partials are compiled with them. */
  static final List<String> PAGES =
      List.of("status-page.mustache", "notice-page.mustache", "history-page.mustache",
          "objectives-page.mustache", "subscribe-page.mustache");

  private static final int BUFFER_CHARS = 16 * 1024;

  private final TemplateSource source;

  private final boolean cache;

  /**
   * Every page template, compiled once; used as is when caching. With an owner's folder every
   * template is compiled at start-up; the built-in ones alone are compiled at their first render.
   */
  private final TemplateCompiler compiled;

  /**
   * Compiles every template when the owner has a folder of their own, so a broken one stops
   * start-up instead of the first request. The built-in templates alone are compiled at their first
   * render instead: they are this jar's, compiled by its build's tests, and compiling them at every
   * start cost the host's start-up mustache.java's classes and time for a page that may not be
   * asked for (issue 23).
   *
   * @param source where templates are read from
   * @param cache whether compiled templates are kept (false re-reads them on every render)
   * @throws IllegalArgumentException naming the file and line of a template that does not compile
   */
  TemplateViewRenderer(TemplateSource source, boolean cache) {
    this.source = Objects.requireNonNull(source, "source");
    this.cache = cache;
    this.compiled = new TemplateCompiler(source);
    if (source.hasFolder()) {
      // The owner's own files first, each on its own, so the message names the file they wrote.
      for (String name : source.ownNames()) {
        compile(new TemplateCompiler(source), name);
      }
      for (String page : PAGES) {
        compile(compiled, page);
      }
    }
  }

  private Mustache compile(TemplateCompiler compiler, String name) {
    try {
      return compiler.compile(name);
    } catch (MustacheException | UncheckedIOException e) {
      throw new IllegalArgumentException(
          "template " + source.describe(name) + " does not compile: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean isRenderable(View view) {
    return view instanceof TemplatedPage;
  }

  /**
   * Writes the page to {@code out}, leaving it open: the caller owns the stream.
   *
   * @throws IOException when writing fails
   * @throws MustacheException when a template fails to compile (only when not caching) or to run
   */
  @Override
  public void render(View view, Locale locale, OutputStream out) throws IOException {
    TemplatedPage page = (TemplatedPage) view;
    TemplateCompiler compiler = cache ? compiled : new TemplateCompiler(source);
    Mustache template = compiler.compile(page.template());
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER_CHARS);
    try {
      template.execute(writer, page.scopes());
    } catch (MustacheException e) {
      // mustache.java wraps a failed write, sometimes twice; callers expect the IOException.
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof IOException io) {
          throw io;
        }
      }
      throw e;
    }
    writer.flush();
  }

  /** Configured by the renderer's own block ({@code templates}, {@code cacheTemplates}) instead. */
  @Override
  public void configure(Map<String, String> options) {
    throw new UnsupportedOperationException(
        "configure the page's templates in page.renderer (templates, cacheTemplates)");
  }

  @Override
  public String getConfigurationKey() {
    return "trafficstatus-mustache";
  }
}
