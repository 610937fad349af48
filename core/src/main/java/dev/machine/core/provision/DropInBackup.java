package dev.machine.core.provision;

import dev.machine.core.ssh.ShellQuote;

/**
 * The commands that keep the previous drop-in while a new one is tried, so a daemon that will not
 * start with the new options can be put back as it was. The copy sits next to the drop-in under a
 * name systemd ignores (it reads only {@code *.conf}), and is made on the host: its content never
 * passes through this client (sudo's warnings would end up in it).
 */
final class DropInBackup {
  /** The previous drop-in, while the new one is being tried. */
  static final String PATH = DockerDropIn.PATH + ".machine-previous";

  private static final String DROP_IN = ShellQuote.quote(DockerDropIn.PATH);
  private static final String BACKUP = ShellQuote.quote(PATH);

  /** Copies the current drop-in aside; with none, removes a copy an interrupted run left. */
  static final String SAVE =
      "sudo rm -f " + BACKUP + " && if [ -f " + DROP_IN + " ]; then sudo cp -p " + DROP_IN + " " + BACKUP + "; fi";

  /** Puts the previous drop-in back; with none, removes the new one (docker runs as installed). */
  static final String RESTORE =
      "if [ -f " + BACKUP + " ]; then sudo mv -f " + BACKUP + " " + DROP_IN + "; else sudo rm -f " + DROP_IN + "; fi";

  /** Drops the copy once docker runs with the new drop-in. */
  static final String DISCARD = "sudo rm -f " + BACKUP;

  private DropInBackup() {}
}
