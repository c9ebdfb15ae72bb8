package org.hotcog.tickets.internal.close;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;

import org.hotcog.api.gateway.DiscordGuilds;
import org.hotcog.api.jobs.Job;
import org.hotcog.api.jobs.JobHandler;
import org.hotcog.api.jobs.JobKind;
import org.hotcog.api.settings.GuildSettings;
import org.hotcog.tickets.internal.settings.TicketSettings;
import org.hotcog.tickets.internal.store.Durations;
import org.hotcog.tickets.internal.ticket.Ticket;
import org.hotcog.tickets.internal.ticket.TicketStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;

/** Reminds the opener of a ticket that has been silent for {@link TicketSettings#STALE_AFTER}. */
@Component
@JobKind(Reminders.STALE)
public final class StaleJob implements JobHandler {
    private final TicketStore tickets;
    private final Reminders reminders;
    private final GuildSettings settings;
    private final DiscordGuilds guilds;

    @Activate
    public StaleJob(@Reference TicketStore tickets, @Reference Reminders reminders, @Reference GuildSettings settings,
            @Reference DiscordGuilds guilds) {
        this.tickets = tickets;
        this.reminders = reminders;
        this.settings = settings;
        this.guilds = guilds;
    }

    @Override
    public void run(Job job) {
        TicketJob target = TicketJob.of(job, tickets, guilds).orElse(null);
        if (target == null) {
            return;
        }
        Ticket ticket = target.ticket();
        GuildMessageChannel channel = target.guild().getChannelById(GuildMessageChannel.class, ticket.channelId());
        if (channel == null) {
            return;
        }
        long autoClose = settings.get(ticket.guildId(), TicketSettings.AUTO_CLOSE_AFTER);
        Duration silent = Duration.between(ticket.lastMessageAt(), Instant.now());
        String text = "<@" + ticket.openerId() + ">, this ticket has had no message for "
                + Durations.describe(silent) + ". Is there anything else we can help with?"
                + (autoClose > 0 ? " It closes by itself in " + Durations.describe(Duration.ofSeconds(autoClose))
                        + " unless someone writes." : "");
        channel.sendMessage(new MessageCreateBuilder().setContent(text)
                .setAllowedMentions(EnumSet.noneOf(MentionType.class)).mentionUsers(ticket.openerId()).build())
                .timeout(30, TimeUnit.SECONDS).complete();
        reminders.reminded(ticket, Instant.now());
    }
}
