package dev.machine.core.template;

import dev.machine.core.MachineException;

/**
 * A template that does not parse ({@code template: NAME:LINE: MSG}) or fails while executing
 * ({@code template: NAME:LINE:COL: executing "NAME" at <NODE>: MSG}), worded as Go's
 * text/template words it.
 */
public final class TemplateException extends MachineException {
  public TemplateException(String message) {
    super(message);
  }
}
