package org.hotcog.tickets.internal.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.tickets.internal.stats.TicketStats.Figures;
import org.hotcog.tickets.internal.store.Durations;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;

/** {@code /ticketstats [days]}: the guild's, each category's and each staff member's figures. */
@Component
public final class TicketStatsCommand implements SlashCommand {
    /** An embed holds 25 fields; the rest are in the REST API. */
    private static final int MAX_ROWS = 10;

    private final StatsStore stats;

    @Activate
    public TicketStatsCommand(@Reference StatsStore stats) {
        this.stats = stats;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("ticketstats", "Shows how the ticket team is doing")
                .addOptions(new OptionData(OptionType.INTEGER, "days", "How far back (30 if left out)", false)
                        .setRequiredRange(1, 3650))
                .setContexts(InteractionContextType.GUILD)
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MESSAGE_MANAGE));
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        int days = ctx.event().getOption("days", 30, OptionMapping::getAsInt);
        TicketStats figures = stats.stats(ctx.guild().getIdLong(), Instant.now().minus(Duration.ofDays(days)),
                ctx.guild().getSelfMember().getIdLong());
        EmbedBuilder embed = new EmbedBuilder().setTitle("Tickets of the last " + days + " day" + (days == 1 ? ""
                : "s")).setDescription(line(figures.overall()));
        figures.byCategory().stream().limit(MAX_ROWS).forEach(row -> embed.addField(row.key(), line(row), false));
        figures.byStaff().stream().limit(MAX_ROWS)
                .forEach(row -> embed.addField("Staff", "<@" + row.key() + ">: " + line(row), false));
        ctx.reply().sendEphemeral(new MessageCreateBuilder().setEmbeds(embed.build()).build());
    }

    /** "12 opened · 10 closed · first answer 14m · resolved in 3h 5m · ⭐ 4.6 (8)" */
    static String line(Figures f) {
        return f.opened() + " opened · " + f.closed() + " closed · first answer "
                + (f.medianFirstResponse() == null ? "—" : Durations.describe(f.medianFirstResponse()))
                + " · resolved in " + (f.medianResolution() == null ? "—" : Durations.describe(f.medianResolution()))
                + " · ⭐ " + (f.averageRating() == null ? "—"
                        : String.format(Locale.ROOT, "%.1f", f.averageRating()) + " (" + f.ratings() + ")");
    }
}
