package dev.machine.core.ssh;

import dev.machine.core.MachineException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The argv of {@code scp}, {@code scp --delta} (rsync), {@code mount} (sshfs) and {@code mount -u}
 * (fusermount), as Docker Machine builds them ({@code commands/scp.go}, {@code mount.go}). Pure:
 * nothing runs; machine names are turned into targets by the given resolver.
 */
public final class CopyCommands {
  /** Turns a machine name into where to reach it; throws {@link MachineException} if unknown. */
  @FunctionalInterface
  public interface MachineResolver {
    SshTarget resolve(String machineName);
  }

  private final Executables executables;
  private final MachineResolver resolver;

  public CopyCommands(Executables executables, MachineResolver resolver) {
    this.executables = executables;
    this.resolver = resolver;
  }

  /**
   * {@code scp -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=quiet -3 [-r]
   * [-q] [-o IdentitiesOnly=yes] [-o Port=N] [-o IdentityFile="KEY"]... SRC DST}, or with {@code
   * delta}: {@code rsync [--progress] -e "ssh <those options>" [-r] SRC DST}. A remote side becomes
   * {@code user@host:path}. {@code IdentitiesOnly=yes} is added unless a remote side has no key
   * (it then needs the agent). When the only remote machine's host key is pinned, {@code
   * StrictHostKeyChecking=yes} with its known_hosts file (and {@code LogLevel=error}) is used
   * instead.
   *
   * @throws WrongArgumentCountException unless there are exactly 2 arguments
   * @throws MachineException {@code You must have a copy of the scp binary locally to use the scp
   *     feature} / {@code ... rsync binary locally to use the --delta option}, or {@code Error
   *     loading host: ...} from the resolver
   */
  public List<String> scp(List<String> args, boolean recursive, boolean delta, boolean quiet) {
    if (args.size() != 2) {
      throw new WrongArgumentCountException();
    }
    Path binary = delta
        ? require("rsync", "You must have a copy of the rsync binary locally to use the --delta option")
        : require("scp", "You must have a copy of the scp binary locally to use the scp feature");
    Side src = side(CopyLocation.parseScp(args.get(0)));
    Side dst = side(CopyLocation.parseScp(args.get(1)));

    List<String> options = new ArrayList<>(baseOptions(pinnedFile(src, dst)));
    if (!delta) {
      options.add("-3");
      if (recursive) {
        options.add("-r");
      }
      if (quiet) {
        options.add("-q");
      }
    }
    if (!src.missesKey() && !dst.missesKey()) {
      options.addAll(List.of("-o", "IdentitiesOnly=yes"));
    }
    options.addAll(src.scpOptions());
    options.addAll(dst.scpOptions());

    List<String> argv = new ArrayList<>();
    argv.add(binary.toString());
    if (delta) {
      if (!quiet) {
        argv.add("--progress");
      }
      argv.add("-e");
      argv.add("ssh " + String.join(" ", options.stream().map(CopyCommands::rsyncWord).toList()));
      if (recursive) {
        argv.add("-r");
      }
    } else {
      argv.addAll(options);
    }
    argv.add(src.argument());
    argv.add(dst.argument());
    return argv;
  }

  /**
   * {@code sshfs -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=quiet [-o
   * IdentitiesOnly=yes] [-o Port=N] [-o IdentityFile=KEY] user@host:path DEST} (DEST defaults to
   * the remote path), or with {@code unmount}: {@code fusermount -u DEST}. A pinned host key is
   * honoured as for {@link #scp}.
   *
   * @throws WrongArgumentCountException unless there are 1 or 2 arguments
   * @throws MachineException {@code You must have a copy of the sshfs binary locally to use the
   *     mount feature} / {@code ... fusermount binary locally to use the unmount option}, or {@code
   *     Error loading host: ...}
   */
  public List<String> mount(List<String> args, boolean unmount) {
    if (args.isEmpty() || args.size() > 2) {
      throw new WrongArgumentCountException();
    }
    Path binary = unmount
        ? require("fusermount", "You must have a copy of the fusermount binary locally to use the unmount option")
        : require("sshfs", "You must have a copy of the sshfs binary locally to use the mount feature");
    Side src = side(CopyLocation.parseMount(args.get(0)));
    String dest = args.size() > 1 && !args.get(1).isEmpty() ? args.get(1) : src.location.path();

    List<String> argv = new ArrayList<>();
    argv.add(binary.toString());
    if (unmount) {
      argv.add("-u");
      argv.add(dest);
      return argv;
    }
    argv.addAll(baseOptions(pinnedFile(src)));
    if (src.target.hasKey()) {
      argv.addAll(List.of("-o", "IdentitiesOnly=yes"));
    }
    if (src.target.port() > 0) {
      argv.addAll(List.of("-o", "Port=" + src.target.port()));
    }
    if (src.target.hasKey()) {
      argv.addAll(List.of("-o", "IdentityFile=" + src.target.keyPath()));
    }
    argv.add(src.argument());
    argv.add(dest);
    return argv;
  }

  /**
   * One word of rsync's {@code -e} command line: rsync splits it on spaces and strips single and
   * double quotes (no backslashes), so a word with a space or a quote goes in single quotes, a
   * single quote inside doubled.
   */
  static String rsyncWord(String word) {
    return word.matches("[^\\s'\"]*") ? word : "'" + word.replace("'", "''") + "'";
  }

  /** One side, resolved: {@code target} is null for a local path. */
  private record Side(CopyLocation location, SshTarget target) {
    boolean missesKey() {
      return target != null && !target.hasKey();
    }

    List<String> scpOptions() {
      List<String> options = new ArrayList<>();
      if (target == null) {
        return options;
      }
      if (target.port() > 0) {
        options.addAll(List.of("-o", "Port=" + target.port()));
      }
      if (target.hasKey()) {
        options.addAll(List.of("-o", "IdentityFile=" + SshOptionValue.quoted(target.keyPath())));
      }
      return options;
    }

    String argument() {
      if (target == null) {
        return location.path();
      }
      String user = location.user().isEmpty() ? target.user() : location.user();
      return user + "@" + target.host() + ":" + location.path();
    }
  }

  private Side side(CopyLocation location) {
    if (location.isLocal()) {
      return new Side(location, null);
    }
    SshTarget target;
    try {
      target = resolver.resolve(location.machine());
    } catch (MachineException e) {
      throw new MachineException("Error loading host: " + e.getMessage(), e);
    }
    return new Side(location, target);
  }

  /** The known_hosts file to enforce: only when there is one remote side and it is pinned. */
  private static Path pinnedFile(Side... sides) {
    SshTarget only = null;
    for (Side side : sides) {
      if (side.target != null) {
        if (only != null) {
          return null; // two machines, two files: keep Docker Machine's options
        }
        only = side.target;
      }
    }
    return only != null && ExternalSsh.isPinned(only) ? only.knownHostsFile() : null;
  }

  private static List<String> baseOptions(Path pinnedFile) {
    List<String> options = new ArrayList<>(ExternalSsh.hostKeyOptions(pinnedFile));
    options.addAll(List.of("-o", pinnedFile == null ? "LogLevel=quiet" : "LogLevel=error"));
    return options;
  }

  private Path require(String name, String message) {
    return executables.find(name).orElseThrow(() -> new MachineException(message));
  }
}
