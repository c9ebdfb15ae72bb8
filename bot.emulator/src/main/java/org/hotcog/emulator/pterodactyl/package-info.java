/**
 * A local Pterodactyl panel on 127.0.0.1 that speaks the panel's Client API ({@code /api/client}, keys
 * {@code ptlc_…}), a little of its Application API (nodes and allocations, keys {@code ptla_…}), and the Wings
 * server websocket, with Pterodactyl's JSON shapes, errors and rate limit. Tests and the offline demo add servers
 * and keys, change states, write console lines, and inject failures.
 *
 * <p>Start one with {@link org.hotcog.emulator.pterodactyl.LocalPanel#start()}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.hotcog.emulator.pterodactyl;
