/**
 * A local, in-memory Discord that speaks Discord's real gateway (v10) and REST protocol on 127.0.0.1, so that the
 * unmodified JDA client connects to it; tests and the offline demo drive it as users would.
 *
 * <p>Start one with {@link org.hotcog.emulator.LocalDiscord#start()}; everything else is reached from there.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.5.0")
package org.hotcog.emulator;
