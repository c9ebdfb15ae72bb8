package org.hotcog.tickets.internal.manage;

import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.api.component.ComponentContext;
import org.hotcog.api.component.ComponentHandler;
import org.hotcog.api.component.CustomIdPrefix;
import org.hotcog.tickets.internal.discord.TicketMessages;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** The commands and the button that change who holds a ticket; the rules are in {@link Claims}. */
public final class ClaimCommands {
    private ClaimCommands() {
    }

    /** {@code /claim}. */
    @Component
    public static final class Claim implements SlashCommand {
        private final Claims claims;

        @Activate
        public Claim(@Reference Claims claims) {
            this.claims = claims;
        }

        @Override
        public SlashCommandData data() {
            return Commands.slash("claim", "Takes this ticket: you will handle it (staff)")
                    .setContexts(InteractionContextType.GUILD);
        }

        @Override
        public void handle(SlashCommandContext ctx) {
            claims.claim(ctx, ctx.event().getChannel().asGuildMessageChannel());
        }
    }

    /** The Claim button of a ticket's first message. */
    @Component
    @CustomIdPrefix(TicketMessages.CLAIM_PREFIX)
    public static final class ClaimButton implements ComponentHandler {
        private final Claims claims;

        @Activate
        public ClaimButton(@Reference Claims claims) {
            this.claims = claims;
        }

        @Override
        public void handle(ComponentContext ctx) {
            claims.claim(ctx, ctx.event().getChannel().asGuildMessageChannel());
        }
    }

    /** {@code /release}. */
    @Component
    public static final class Release implements SlashCommand {
        private final Claims claims;

        @Activate
        public Release(@Reference Claims claims) {
            this.claims = claims;
        }

        @Override
        public SlashCommandData data() {
            return Commands.slash("release", "Gives this ticket back to the team (staff)")
                    .setContexts(InteractionContextType.GUILD);
        }

        @Override
        public void handle(SlashCommandContext ctx) {
            claims.release(ctx, ctx.event().getChannel().asGuildMessageChannel());
        }
    }

    /** {@code /transfer member}. */
    @Component
    public static final class Transfer implements SlashCommand {
        private final Claims claims;

        @Activate
        public Transfer(@Reference Claims claims) {
            this.claims = claims;
        }

        @Override
        public SlashCommandData data() {
            return Commands.slash("transfer", "Hands this ticket to another staff member (staff)")
                    .addOption(OptionType.USER, "member", "Who takes it", true)
                    .setContexts(InteractionContextType.GUILD);
        }

        @Override
        public void handle(SlashCommandContext ctx) {
            claims.transfer(ctx, ctx.event().getChannel().asGuildMessageChannel(),
                    ctx.event().getOption("member", OptionMapping::getAsMember));
        }
    }
}
