package dev.machine.cli.command;

import dev.machine.cli.flags.FlagDef;
import java.util.List;
import java.util.function.Function;

/**
 * A command's name, texts and flags (data, cheap to build), and how to make the command.
 *
 * @param description "" when the command has none
 */
public record CommandDef(
    String name, String usage, String description, List<FlagDef> flags, Function<CommandDef, Command> factory) {
  public CommandDef {
    flags = List.copyOf(flags);
  }

  public Command newCommand() {
    return factory.apply(this);
  }
}
