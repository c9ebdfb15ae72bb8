package org.hotcog.tickets.internal.manage;

import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.tickets.internal.discord.Access;
import org.hotcog.tickets.internal.discord.TicketChannels;
import org.hotcog.tickets.internal.ticket.Ticket;
import org.hotcog.tickets.internal.ticket.TicketStore;
import org.hotcog.tickets.internal.ticket.TicketStore.Participant;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.entities.IPermissionHolder;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /add} and {@code /remove}: members and roles besides the opener and the staff. */
public final class ParticipantCommands {
    static final String TARGET = "target";

    private ParticipantCommands() {
    }

    /**
     * The member or role of the option; refuses the bot, the opener, {@code @everyone} and users who are not
     * members.
     */
    static IPermissionHolder holder(SlashCommandContext ctx, Ticket ticket) {
        OptionMapping option = ctx.event().getOption(TARGET);
        if (option.getAsMentionable() instanceof Role role) {
            if (role.isPublicRole()) {
                throw new Refusal("Adding @everyone would make the ticket public.");
            }
            return role;
        }
        // Discord resolves the member with the option: no member cache needed
        Member member = option.getAsMember();
        if (member == null) {
            throw new Refusal("Only members of this server and its roles can be added to a ticket.");
        }
        long userId = member.getIdLong();
        if (userId == ticket.openerId()) {
            throw new Refusal("The opener is part of the ticket already.");
        }
        if (userId == ctx.guild().getSelfMember().getIdLong()) {
            throw new Refusal("The bot is part of every ticket already.");
        }
        return member;
    }

    static Participant participant(IPermissionHolder holder) {
        return new Participant(holder.getIdLong(), holder instanceof Role);
    }

    private static String mention(Participant participant) {
        return participant.role() ? "<@&" + participant.targetId() + ">" : "<@" + participant.targetId() + ">";
    }

    /** {@code /add target}: the opener or staff let someone in. */
    @Component
    public static final class Add implements SlashCommand {
        private final Access access;
        private final TicketStore tickets;

        @Activate
        public Add(@Reference Access access, @Reference TicketStore tickets) {
            this.access = access;
            this.tickets = tickets;
        }

        @Override
        public SlashCommandData data() {
            return Commands.slash("add", "Lets a member or a role into this ticket")
                    .addOption(OptionType.MENTIONABLE, TARGET, "The member or role", true)
                    .setContexts(InteractionContextType.GUILD);
        }

        @Override
        public void handle(SlashCommandContext ctx) {
            GuildMessageChannel channel = ctx.event().getChannel().asGuildMessageChannel();
            Ticket ticket = access.asOpenerOrStaff(ctx, channel.getIdLong()).ticket();
            IPermissionHolder holder = holder(ctx, ticket);
            Participant participant = participant(holder);
            // Discord first: a participant stored without its overwrite would be a lie in every listing
            TicketChannels.let(channel, holder);
            if (!tickets.addParticipant(ticket.id(), participant, ctx.user().getIdLong())) {
                throw new Refusal(mention(participant) + " is in this ticket already.");
            }
            ctx.reply().send(mention(participant) + " was added to the ticket.");
        }
    }

    /** {@code /remove target}: the opener or staff take an added member or role out again. */
    @Component
    public static final class Remove implements SlashCommand {
        private final Access access;
        private final TicketStore tickets;

        @Activate
        public Remove(@Reference Access access, @Reference TicketStore tickets) {
            this.access = access;
            this.tickets = tickets;
        }

        @Override
        public SlashCommandData data() {
            return Commands.slash("remove", "Takes an added member or role out of this ticket")
                    .addOption(OptionType.MENTIONABLE, TARGET, "The member or role", true)
                    .setContexts(InteractionContextType.GUILD);
        }

        @Override
        public void handle(SlashCommandContext ctx) {
            GuildMessageChannel channel = ctx.event().getChannel().asGuildMessageChannel();
            Access.InTicket here = access.asOpenerOrStaff(ctx, channel.getIdLong());
            IPermissionHolder holder = holder(ctx, here.ticket());
            Participant participant = participant(holder);
            if (participant.role() && here.category().staffRoles().contains(participant.targetId())) {
                throw new Refusal("The category's staff roles stay in its tickets.");
            }
            if (!tickets.removeParticipant(here.ticket().id(), participant.targetId())) {
                throw new Refusal(mention(participant) + " was not added to this ticket.");
            }
            TicketChannels.shut(channel, holder);
            ctx.reply().send(mention(participant) + " was removed from the ticket.");
        }
    }
}
