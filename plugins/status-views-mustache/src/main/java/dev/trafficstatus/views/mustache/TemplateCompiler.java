package dev.trafficstatus.views.mustache;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheException;
import java.io.IOException;
import java.io.Writer;
import java.util.Objects;

/**
 * The mustache.java factory for the page's templates: reads them from a {@link TemplateSource}
 * (the owner's folder, then this jar) and escapes with {@link MarkupEscaper} instead of
 * mustache.java's escaper.
 *
 * <p>Templates are read with this class's own loader, not the thread's context loader, so the
 * page renders the same inside a shaded jar, a host application or a test. A factory keeps what
 * it compiled: a fresh one re-reads every template.
 */
final class TemplateCompiler extends DefaultMustacheFactory {

  TemplateCompiler(TemplateSource source) {
    super(Objects.requireNonNull(source, "source")::open);
  }

  @Override
  public void encode(String value, Writer writer) {
    try {
      MarkupEscaper.escape(value, writer);
    } catch (IOException e) {
      throw new MustacheException("cannot write the page", e);
    }
  }
}
