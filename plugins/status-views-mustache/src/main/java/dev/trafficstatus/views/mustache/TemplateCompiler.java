package dev.trafficstatus.views.mustache;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The mustache.java factory for the page's templates: reads them from this jar only and escapes
 * with {@link MarkupEscaper} instead of mustache.java's entity-preserving escaper.
 *
 * <p>Templates are read with this class's own loader, not the thread's context loader, so the
 * page renders the same inside a shaded jar, a host application or a test.
 */
final class TemplateCompiler extends DefaultMustacheFactory {

  private static final String ROOT = "/dev/trafficstatus/views/mustache/templates/";

  TemplateCompiler() {
    super(TemplateCompiler::open);
  }

  @Override
  public void encode(String value, Writer writer) {
    try {
      MarkupEscaper.escape(value, writer);
    } catch (IOException e) {
      throw new MustacheException("cannot write the page", e);
    }
  }

  private static Reader open(String name) {
    InputStream in = TemplateCompiler.class.getResourceAsStream(ROOT + name);
    if (in == null) {
      throw new UncheckedIOException(new IOException("template missing from the jar: " + ROOT + name));
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
