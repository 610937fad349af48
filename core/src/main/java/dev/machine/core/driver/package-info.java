/** The driver SPI: what a provider of machines implements, and how drivers are discovered. */
package dev.machine.core.driver;
