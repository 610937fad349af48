package dev.machine.cli.command;

import dev.machine.cli.CliContext;
import dev.machine.cli.flags.ParsedArgs;
import dev.machine.core.Progress;
import dev.machine.core.host.HostLifecycle;
import dev.machine.core.host.MultiHostAction;
import dev.machine.core.host.RetryWait;
import dev.machine.core.host.Host;
import dev.machine.core.store.Store;
import java.util.function.BiConsumer;

/**
 * {@code start}, {@code stop}, {@code kill}, {@code restart}, {@code provision} and
 * {@code upgrade}: one action on each named machine, all at once, then a closing line on success.
 */
final class LifecycleCommand extends ParsedCommand {
  private final BiConsumer<HostLifecycle, Host> action;
  private final String afterAll;

  LifecycleCommand(CommandDef def, BiConsumer<HostLifecycle, Host> action, String afterAll) {
    super(def);
    this.action = action;
    this.afterAll = afterAll;
  }

  @Override
  protected int execute(CliContext ctx, ParsedArgs args) {
    Progress progress = ctx.progress();
    Store store = ctx.services().store(progress);
    HostLifecycle lifecycle = new HostLifecycle(ctx.services().provisioning(), RetryWait.standard(), progress);
    new MultiHostAction(store).run(Targets.many(store, args.positionals()), h -> action.accept(lifecycle, h));
    if (afterAll != null) {
      progress.info(afterAll.replace("{app}", ctx.appName()));
    }
    return 0;
  }
}
