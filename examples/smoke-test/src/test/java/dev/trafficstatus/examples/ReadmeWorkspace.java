package dev.trafficstatus.examples;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * The folder a README reader works in, under the smoke test's {@code target/}: a fresh copy of the
 * checkout in {@code trafficstatus/}, the projects the README builds beside it, and a local Maven
 * repository of its own.
 *
 * <p>The copy keeps the README's install from rebuilding any module of the build that runs this
 * test. The repository keeps what it installs away from the shared one, which other checkouts of
 * this project read: it is a folder of links to every entry of the shared repository but this
 * project's group, so Maven finds everything the outer build downloaded, offline, and installs
 * {@code dev.trafficstatus} here. Links are deleted as links, never followed: neither this class
 * nor {@code mvn clean} touches what they point to.
 */
final class ReadmeWorkspace {

  /** The checkout's folder, as a user's clone would be named. */
  static final String CHECKOUT = "trafficstatus";

  private static final String GROUP = "dev.trafficstatus";

  private final Path root;

  private ReadmeWorkspace(Path root) {
    this.root = root;
  }

  /**
   * Empties the folder, then copies the checkout into it and sets up its repository.
   *
   * @param project the checkout the test runs in
   * @param root the folder, emptied first
   * @param sharedRepository the local repository the outer build uses
   */
  static ReadmeWorkspace create(Path project, Path root, Path sharedRepository) throws IOException {
    delete(root);
    ReadmeWorkspace workspace = new ReadmeWorkspace(root);
    copyCheckout(project, workspace.checkout());
    linkRepository(sharedRepository, workspace.repository());
    return workspace;
  }

  /** The copy of the checkout. */
  Path checkout() {
    return root.resolve(CHECKOUT);
  }

  /** A folder of the workspace, such as {@code shop}. */
  Path folder(String name) {
    return root.resolve(name);
  }

  /** The workspace's own local Maven repository. */
  Path repository() {
    return root.resolve("m2");
  }

  /** A log file for one command. */
  Path log(String name) {
    return root.resolve("logs").resolve(name + ".log");
  }

  /** The workspace itself, where the README's blocks are written. */
  Path root() {
    return root;
  }

  /**
   * Copies the sources of a checkout as a fresh clone has them: without build output (a
   * {@code target/} beside a {@code pom.xml}), git's files or a server's {@code ./data}.
   */
  private static void copyCheckout(Path project, Path to) throws IOException {
    Files.walkFileTree(
        project,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes)
              throws IOException {
            String name = dir.getFileName().toString();
            boolean buildOutput = name.equals("target") && Files.exists(dir.resolveSibling("pom.xml"));
            if (buildOutput || name.equals(".git") || dir.equals(project.resolve("data"))) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            Files.createDirectories(to.resolve(project.relativize(dir).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            // A worktree's .git is a file; links (none in the sources) are left out.
            if (attributes.isRegularFile() && !file.getFileName().toString().equals(".git")) {
              Files.copy(file, to.resolve(project.relativize(file).toString()),
                  StandardCopyOption.COPY_ATTRIBUTES);
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /** Links every entry of the shared repository but the folders of this project's group. */
  private static void linkRepository(Path shared, Path repository) throws IOException {
    Path here = repository;
    Path there = shared;
    for (String segment : GROUP.split("\\.")) {
      Files.createDirectories(here);
      if (Files.isDirectory(there)) {
        try (Stream<Path> entries = Files.list(there)) {
          for (Path entry : entries.toList()) {
            if (!entry.getFileName().toString().equals(segment)) {
              Files.createSymbolicLink(here.resolve(entry.getFileName().toString()), entry);
            }
          }
        }
      }
      here = here.resolve(segment);
      there = there.resolve(segment);
    }
    Files.createDirectories(here);
  }

  /** Deletes a folder; links in it are deleted, never followed. */
  private static void delete(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException failure)
              throws IOException {
            if (failure != null) {
              throw failure;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
