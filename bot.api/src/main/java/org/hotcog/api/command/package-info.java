/**
 * Discord application commands: slash commands (with sub-commands, groups, options, choices and
 * autocomplete) and user and message context-menu commands.
 *
 * <p>A command is one DS component that declares itself and handles its invocations. Registering
 * the component puts the command in Discord (the core syncs the set, debounced, in one bulk write);
 * stopping its bundle takes it out. The component's bundle must be a module (manifest header
 * {@code Hotcog-Module}); the module name groups commands in {@code /help}.
 *
 * {@snippet :
 * @Component
 * @Cooldown(seconds = 5)
 * public final class PingCommand implements SlashCommand {
 *     @Override
 *     public SlashCommandData data() {
 *         return Commands.slash("ping", "Shows the bot's latency");
 *     }
 *
 *     @Override
 *     public void handle(SlashCommandContext ctx) {
 *         ctx.reply().send("Pong!");
 *     }
 * }
 * }
 */
@Export
@Version("1.0.0")
package org.hotcog.api.command;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
