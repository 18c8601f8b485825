package dev.trafficstatus.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's code blocks that a test runs, each marked by an HTML comment just above it, which
 * a reader of the rendered README never sees:
 *
 * <pre>
 * &lt;!-- readme-test: shop/pom.xml --&gt;
 * ```xml
 * ...
 * ```
 * </pre>
 *
 * <p>The name is a path: a block is written to that path under a scratch folder as it stands in the
 * README, and a {@code .sh} block's commands run in the folder its name lies in.
 */
final class ReadmeBlocks {

  private static final Pattern MARKER = Pattern.compile("<!-- readme-test: (\\S+) -->");
  private static final Pattern FENCE = Pattern.compile("```[a-z]*");

  private final Map<String, String> blocks;

  private ReadmeBlocks(Map<String, String> blocks) {
    this.blocks = blocks;
  }

  /**
   * Reads the marked blocks of a README.
   *
   * @throws IllegalStateException when a marker is not directly followed by a fenced block, a
   *     block is not closed, or a name is used twice
   */
  static ReadmeBlocks of(Path readme) throws IOException {
    List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
    Map<String, String> blocks = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher marker = MARKER.matcher(lines.get(i).strip());
      if (!marker.matches()) {
        continue;
      }
      String name = marker.group(1);
      int line = i + 1;
      if (line >= lines.size() || !FENCE.matcher(lines.get(line)).matches()) {
        throw new IllegalStateException(
            readme + ":" + (i + 1) + ": the marker of " + name + " is not directly above a ``` block");
      }
      StringBuilder body = new StringBuilder();
      for (line++; line < lines.size() && !lines.get(line).equals("```"); line++) {
        body.append(lines.get(line)).append('\n');
      }
      if (line == lines.size()) {
        throw new IllegalStateException(readme + ":" + (i + 1) + ": the block of " + name + " is not closed");
      }
      if (blocks.put(name, body.toString()) != null) {
        throw new IllegalStateException(readme + ": two blocks are named " + name);
      }
      i = line;
    }
    return new ReadmeBlocks(blocks);
  }

  /** The names of the marked blocks, in README order. */
  List<String> names() {
    return List.copyOf(blocks.keySet());
  }

  /**
   * One block's text.
   *
   * @throws IllegalStateException when the README has no block of that name
   */
  String text(String name) {
    String text = blocks.get(name);
    if (text == null) {
      throw new IllegalStateException("README.md has no block marked <!-- readme-test: " + name
          + " --> (it has " + blocks.keySet() + ")");
    }
    return text;
  }

  /** Writes every block to its path under a folder; returns the folder. */
  Path writeUnder(Path folder) throws IOException {
    for (Map.Entry<String, String> block : blocks.entrySet()) {
      Path file = folder.resolve(block.getKey()).normalize();
      if (!file.startsWith(folder)) {
        throw new IllegalStateException("the block name " + block.getKey() + " leaves its folder");
      }
      Files.createDirectories(file.getParent());
      Files.writeString(file, block.getValue(), StandardCharsets.UTF_8);
    }
    return folder;
  }

  /**
   * The commands of a {@code .sh} block, as a shell would split them: one per line, a line ending
   * in a backslash continued on the next, comments and blank lines left out.
   *
   * @throws IllegalStateException when a command uses what this simple reading does not know
   *     (quotes, variables, pipes, redirections): such a block needs a real shell
   */
  List<List<String>> commands(String name) {
    List<List<String>> commands = new ArrayList<>();
    StringBuilder command = new StringBuilder();
    for (String line : text(name).split("\n", -1)) {
      String stripped = line.strip();
      if (command.length() == 0 && (stripped.isEmpty() || stripped.startsWith("#"))) {
        continue;
      }
      boolean continued = stripped.endsWith("\\");
      command.append(' ').append(continued ? stripped.substring(0, stripped.length() - 1) : stripped);
      if (!continued) {
        commands.add(words(name, command.toString()));
        command.setLength(0);
      }
    }
    return List.copyOf(commands);
  }

  private static List<String> words(String name, String command) {
    List<String> words = new ArrayList<>();
    for (String word : command.strip().split("\\s+")) {
      if (word.startsWith("#")) {
        break;
      }
      if (word.matches(".*['\"$`|&;<>()*?].*")) {
        throw new IllegalStateException(
            name + ": '" + word + "' needs a shell; keep the README's commands plain");
      }
      words.add(word);
    }
    return List.copyOf(words);
  }
}
