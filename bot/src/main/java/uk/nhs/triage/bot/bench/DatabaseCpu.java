package uk.nhs.triage.bot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/**
 * CPU time the PostgreSQL server has used, all its processes together (the postmaster, every
 * backend and background worker alive, and those that have exited), read from {@code /proc}. Only
 * when the server runs on this machine and its data directory is readable (the embedded server, or
 * a local one); otherwise empty.
 */
public final class DatabaseCpu {
  /** Linux reports process times in clock ticks of 1/100 s (USER_HZ) on every common platform. */
  private static final double TICKS_PER_SECOND = 100;

  private final long postmaster;

  private DatabaseCpu(long postmaster) {
    this.postmaster = postmaster;
  }

  /** The server behind {@code jdbi}, or null when its processes cannot be read. */
  public static DatabaseCpu of(Jdbi jdbi) {
    try {
      String dataDirectory =
          jdbi.withHandle(h -> h.createQuery("SHOW data_directory").mapTo(String.class).one());
      List<String> pidFile = Files.readAllLines(Path.of(dataDirectory, "postmaster.pid"));
      long pid = Long.parseLong(pidFile.get(0).strip());
      return Files.isReadable(stat(pid)) ? new DatabaseCpu(pid) : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Seconds of CPU the server has used so far, or empty if its processes cannot be read. */
  public OptionalDouble seconds() {
    try {
      long[] own = times(postmaster);
      if (own == null) {
        return OptionalDouble.empty();
      }
      // The postmaster's own time and its exited children's, then each child alive now.
      long ticks = own[1] + own[2] + own[3] + own[4];
      try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
        for (Path process : processes.toList()) {
          String name = process.getFileName().toString();
          if (!name.chars().allMatch(Character::isDigit)) {
            continue;
          }
          long[] child = times(Long.parseLong(name));
          if (child != null && child[0] == postmaster) {
            ticks += child[1] + child[2];
          }
        }
      }
      return OptionalDouble.of(ticks / TICKS_PER_SECOND);
    } catch (IOException e) {
      return OptionalDouble.empty();
    }
  }

  /** Parent pid, utime, stime, cutime, cstime; null if the process has gone. */
  private static long[] times(long pid) {
    String stat;
    try {
      stat = Files.readString(stat(pid));
    } catch (IOException e) {
      return null;
    }
    // The command name (field 2) may hold spaces: the fields after it start past the last ')'.
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return new long[] {
      Long.parseLong(f[1]),
      Long.parseLong(f[11]),
      Long.parseLong(f[12]),
      Long.parseLong(f[13]),
      Long.parseLong(f[14])
    };
  }

  private static Path stat(long pid) {
    return Path.of("/proc", Long.toString(pid), "stat");
  }
}
