package dev.machine.core.ssh;

import net.schmizz.sshj.Config;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.LoggerFactory;
import org.slf4j.Logger;
import org.slf4j.helpers.NOPLogger;

/**
 * sshj's configuration for our connections. sshj logs at INFO and ERROR on its own (e.g. every
 * refused host key, which we already report in one clear line), so its loggers are silent unless
 * debug logging is on for this package ({@code machine -D}).
 */
final class SshjConfig {
  private SshjConfig() {}

  static Config create() {
    DefaultConfig config = new DefaultConfig();
    if (!org.slf4j.LoggerFactory.getLogger(SshjConfig.class).isDebugEnabled()) {
      config.setLoggerFactory(new LoggerFactory() {
        @Override
        public Logger getLogger(String name) {
          return NOPLogger.NOP_LOGGER;
        }

        @Override
        public Logger getLogger(Class<?> clazz) {
          return NOPLogger.NOP_LOGGER;
        }
      });
    }
    return config;
  }
}
