package dev.machine.cli.command;

import dev.machine.core.MachineException;
import dev.machine.core.template.Template;
import dev.machine.core.template.TemplateException;

/** Runs a user's Go template for {@code inspect -f}. */
final class Templates {
  private Templates() {}

  static String execute(String template, Object data) {
    Template parsed;
    try {
      parsed = Template.parse("", template);
    } catch (TemplateException e) {
      throw new MachineException("template parsing error: " + e.getMessage(), e);
    }
    return parsed.execute(data);
  }
}
