package dev.trafficstatus.views.mustache;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where templates are read from: the owner's folder first ({@code templates:}), by plain file name,
 * then this jar, so an owner overrides exactly the templates they put in the folder.
 *
 * <p>Only names such as {@code header.mustache} are looked up, never a path: a partial named
 * {@code ../secret} or {@code /etc/passwd} is refused instead of reaching outside the folder.
 */
final class TemplateSource {

  static final String JAR_ROOT = "/dev/trafficstatus/views/mustache/templates/";

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}\\.mustache");

  private final Optional<Path> folder;

  private TemplateSource(Optional<Path> folder) {
    this.folder = folder;
  }

  /**
   * The built-in templates only.
   *
   * @return the source
   */
  static TemplateSource builtIn() {
    return new TemplateSource(Optional.empty());
  }

  /**
   * The owner's folder over the built-in templates.
   *
   * @param folder an existing directory
   * @return the source
   * @throws IllegalArgumentException when it is not a readable directory
   */
  static TemplateSource over(Path folder) {
    Objects.requireNonNull(folder, "folder");
    Path absolute = folder.toAbsolutePath().normalize();
    if (!Files.isDirectory(absolute) || !Files.isReadable(absolute)) {
      throw new IllegalArgumentException(
          "templates: " + absolute + " is not a readable folder of .mustache files");
    }
    return new TemplateSource(Optional.of(absolute));
  }

  /**
   * Opens a template.
   *
   * @param name such as {@code header.mustache}
   * @return a reader of its text, from the folder when it holds one by that name
   * @throws UncheckedIOException when no template has that name, or it cannot be read
   */
  Reader open(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new UncheckedIOException(new IOException(
          "template names are plain file names such as header.mustache, got '" + name + "'"));
    }
    Optional<Path> own = file(name);
    if (own.isPresent()) {
      try {
        return Files.newBufferedReader(own.get(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read template " + own.get(), e);
      }
    }
    InputStream in = TemplateSource.class.getResourceAsStream(JAR_ROOT + name);
    if (in == null) {
      throw new UncheckedIOException(new IOException("no template named " + name));
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  /**
   * Where a template comes from, for messages.
   *
   * @param name the template's name
   * @return the file in the owner's folder, or the name inside the jar
   */
  String describe(String name) {
    return file(name).map(Path::toString).orElse("built-in " + name);
  }

  /**
   * The owner's templates, so start-up can compile each one, including those nothing includes yet.
   *
   * @return the names of the folder's {@code .mustache} files; empty without a folder
   */
  List<String> ownNames() {
    if (folder.isEmpty()) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder.get())) {
      List<String> names = new ArrayList<>();
      files.map(path -> path.getFileName().toString())
          .filter(name -> NAME.matcher(name).matches())
          .sorted()
          .forEach(names::add);
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list templates in " + folder.get(), e);
    }
  }

  /**
   * Whether templates come from the owner's folder too.
   *
   * @return true with a folder
   */
  boolean hasFolder() {
    return folder.isPresent();
  }

  private Optional<Path> file(String name) {
    if (folder.isEmpty() || !NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    Path candidate = folder.get().resolve(name);
    return Files.isRegularFile(candidate) ? Optional.of(candidate) : Optional.empty();
  }
}
