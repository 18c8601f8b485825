package dev.trafficstatus.store.jdbi.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;

/**
 * A disk that can be made full, for H2: registered as an H2 file system under a scheme of its own
 * ({@code jdbc:h2:<scheme>:/path/to/db}), it passes everything to the real files, except that while
 * it is {@link #fill() full} every write and sync of a file fails with {@code IOException("No space
 * left on device")}, as the operating system's would. Nothing is mounted.
 */
public final class FullDisk extends FilePath implements AutoCloseable {

  private static final AtomicInteger DISKS = new AtomicInteger();

  private final String scheme;
  private final AtomicBoolean full;
  private final FilePath base;

  private FullDisk(String scheme, AtomicBoolean full, String name, FilePath base) {
    this.scheme = scheme;
    this.full = full;
    this.name = name;
    this.base = base;
  }

  /**
   * Registers a new disk with H2, not full.
   *
   * @return the disk; close it to unregister it
   */
  public static FullDisk register() {
    FullDisk disk = new FullDisk("fulldisk" + DISKS.incrementAndGet(), new AtomicBoolean(), null, null);
    FilePath.register(disk);
    return disk;
  }

  /**
   * The JDBC URL of an H2 database on this disk.
   *
   * @param path the database's absolute path, without {@code .mv.db}
   * @return the URL, without H2's trace file: H2 writes the errors of the full disk to it under a
   *     path of the scheme's name relative to the working directory, which is the module's
   */
  public String url(java.nio.file.Path path) {
    return "jdbc:h2:" + scheme + ":" + path.toAbsolutePath() + ";TRACE_LEVEL_FILE=0";
  }

  /** From now on, every write fails as on a full disk. */
  public void fill() {
    full.set(true);
  }

  /** Space is back: writes work again. */
  public void free() {
    full.set(false);
  }

  @Override
  public void close() {
    FilePath.unregister(this);
  }

  private FullDisk wrap(FilePath path) {
    return path == null ? null : new FullDisk(scheme, full, scheme + ":" + path.name, path);
  }

  private static FilePath unwrap(FilePath path) {
    return path instanceof FullDisk disk ? disk.base : path;
  }

  private void requireSpace() throws IOException {
    if (full.get()) {
      throw new IOException("No space left on device");
    }
  }

  @Override
  public String getScheme() {
    return scheme;
  }

  @Override
  public FilePath getPath(String path) {
    return new FullDisk(scheme, full, path, FilePath.get(path.substring(scheme.length() + 1)));
  }

  @Override
  public long size() {
    return base.size();
  }

  @Override
  public void moveTo(FilePath newName, boolean atomicReplace) {
    base.moveTo(unwrap(newName), atomicReplace);
  }

  @Override
  public boolean createFile() {
    return base.createFile();
  }

  @Override
  public boolean exists() {
    return base.exists();
  }

  @Override
  public void delete() {
    base.delete();
  }

  @Override
  public List<FilePath> newDirectoryStream() {
    return base.newDirectoryStream().stream().map(this::wrap).map(FilePath.class::cast).toList();
  }

  @Override
  public FilePath toRealPath() {
    return wrap(base.toRealPath());
  }

  @Override
  public FilePath getParent() {
    return wrap(base.getParent());
  }

  @Override
  public boolean isDirectory() {
    return base.isDirectory();
  }

  @Override
  public boolean isRegularFile() {
    return base.isRegularFile();
  }

  @Override
  public boolean isAbsolute() {
    return base.isAbsolute();
  }

  @Override
  public long lastModified() {
    return base.lastModified();
  }

  @Override
  public boolean canWrite() {
    return base.canWrite();
  }

  @Override
  public void createDirectory() {
    base.createDirectory();
  }

  @Override
  public boolean setReadOnly() {
    return base.setReadOnly();
  }

  @Override
  public FileChannel open(String mode) throws IOException {
    return new Channel(base.open(mode));
  }

  /** A file on the disk: reads pass, writes and syncs fail while the disk is full. */
  private final class Channel extends FileBase {

    private final FileChannel file;

    Channel(FileChannel file) {
      this.file = file;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      return file.read(dst);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
      return file.read(dst, position);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      requireSpace();
      return file.write(src);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
      requireSpace();
      return file.write(src, position);
    }

    @Override
    public void force(boolean metaData) throws IOException {
      requireSpace();
      file.force(metaData);
    }

    @Override
    public long position() throws IOException {
      return file.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
      file.position(newPosition);
      return this;
    }

    @Override
    public long size() throws IOException {
      return file.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
      file.truncate(size);
      return this;
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
      return file.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
      file.close();
    }
  }
}
