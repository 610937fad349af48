package dev.machine.cli.command;

import dev.machine.cli.CliContext;
import dev.machine.cli.flags.ParsedArgs;
import dev.machine.core.MachineException;
import dev.machine.core.Progress;
import dev.machine.core.cert.CertificateBootstrap;
import dev.machine.core.host.HostLifecycle;
import dev.machine.core.host.MultiHostAction;
import dev.machine.core.host.NewHosts;
import dev.machine.core.host.RetryWait;
import dev.machine.core.store.Store;
import java.util.List;

/**
 * {@code regenerate-certs}: asks first unless {@code -f}; with {@code --client-certs} the store's CA
 * and client certificate are really replaced (Docker Machine keeps valid ones), then the named
 * machines get a new server certificate. The other machines' daemons still trust the old CA, so
 * they are named in a warning.
 */
final class RegenerateCertsCommand extends ParsedCommand {
  RegenerateCertsCommand(CommandDef def) {
    super(def);
  }

  @Override
  protected int execute(CliContext ctx, ParsedArgs args) {
    Progress progress = ctx.progress();
    Store store = ctx.services().store(progress);
    List<String> names = Targets.many(store, args.positionals());
    if (!args.bool("force")) {
      String answer = ctx.prompt("Regenerate TLS machine certs?  Warning: this is irreversible. (y/n): ");
      if (answer == null || answer.isEmpty()) {
        throw new MachineException("Error reading the answer: no answer given");
      }
      if (!answer.toLowerCase().startsWith("y")) {
        return 0;
      }
    }
    boolean newCa = args.bool("client-certs");
    if (newCa) {
      progress.info("Regenerating local certificates");
      store.withStoreLock(
          () -> {
            new CertificateBootstrap(progress)
                .regenerate(NewHosts.authOptions(store.root(), "-", ctx.services().tlsPaths(), List.of()));
            return null;
          });
    }
    HostLifecycle lifecycle = new HostLifecycle(ctx.services().provisioning(), RetryWait.standard(), progress);
    try {
      new MultiHostAction(store).run(names, lifecycle::regenerateCertificates);
    } finally {
      // The CA is replaced whatever happened to the named machines: the others must be told.
      if (newCa) {
        warnAboutOldCa(ctx, progress, store, names);
      }
    }
    return 0;
  }

  private static void warnAboutOldCa(CliContext ctx, Progress progress, Store store, List<String> named) {
    List<String> others;
    try {
      others = store.list().stream().filter(n -> !named.contains(n)).toList();
    } catch (RuntimeException e) {
      // The error the user must see is the one that got us here, if any: say it in general terms.
      progress.warn(
          "The CA changed: machines not named here still have server certificates from the old one; run '"
              + ctx.appName()
              + " regenerate-certs -f NAME' for each of them");
      return;
    }
    if (!others.isEmpty()) {
      progress.warn(
          "The CA changed: these machines still have server certificates from the old one and are "
              + "unreachable until you run '"
              + ctx.appName()
              + " regenerate-certs -f "
              + String.join(" ", others)
              + "'");
    }
  }
}
