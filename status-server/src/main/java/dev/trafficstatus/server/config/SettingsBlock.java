package dev.trafficstatus.server.config;

/**
 * A block of {@code config.yml} that builds a settings record of the core (or the SPI), which is
 * the only judge of its values: the block holds the defaults the record gives and no bounds of its
 * own, and {@link ValidSettings} reports what the record refuses against the block's keys.
 */
public interface SettingsBlock {

  /**
   * Builds the settings once, to see whether the record accepts them.
   *
   * @throws dev.trafficstatus.spi.InvalidSettingException naming the key and what is wrong
   */
  void check();
}
