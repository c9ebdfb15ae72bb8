package org.hotcog.moderation.internal.commands;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.moderation.internal.cases.CaseAction;
import org.hotcog.moderation.internal.cases.CaseEmbeds;
import org.hotcog.moderation.internal.cases.CaseRecorder;
import org.hotcog.moderation.internal.cases.ModCase;
import org.hotcog.moderation.internal.checks.ModerationChecks;
import org.hotcog.moderation.internal.settings.ModerationSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageHistory;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /purge count [user] [bots] [contains] [reason]}: deletes up to 1000 of the channel's
 * latest messages that match the filters, newest first, in bulk deletes of 100. Pinned messages
 * are kept. Discord lets bots bulk-delete messages of the last 14 days only, so the search stops
 * at the first older message and the answer says so.
 */
@Component
public final class PurgeCommand implements SlashCommand {
    static final String COUNT = "count";
    static final String BOTS = "bots";
    static final String CONTAINS = "contains";
    static final int MAX_COUNT = 1000;
    /** How far back the search goes at most, so that a rare filter does not read a channel's whole history. */
    static final int MAX_SCANNED = 5000;
    /** Discord's bulk-delete limit, less a minute for the time the search and the deletes take. */
    private static final Duration BULK_DELETE_AGE = Duration.ofDays(14).minusMinutes(1);
    private static final int PAGE = 100;
    private static final long DISCORD_TIMEOUT_SECONDS = 30;

    private final ModerationChecks checks;
    private final CaseRecorder recorder;

    @Activate
    public PurgeCommand(@Reference ModerationChecks checks, @Reference CaseRecorder recorder) {
        this.checks = checks;
        this.recorder = recorder;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("purge", "Deletes the latest messages of this channel, at most 14 days old")
                .addOptions(new OptionData(OptionType.INTEGER, COUNT, "How many messages to delete (1 to 1000)", true)
                                .setRequiredRange(1, MAX_COUNT),
                        new OptionData(OptionType.USER, Options.USER, "Only messages from this user", false),
                        new OptionData(OptionType.BOOLEAN, BOTS, "Only messages from bots and webhooks", false),
                        new OptionData(OptionType.STRING, CONTAINS, "Only messages containing this text", false)
                                .setMaxLength(100),
                        Options.reason())
                .setContexts(InteractionContextType.GUILD);
    }

    /** Which messages a purge deletes. */
    private record Filter(User from, boolean botsOnly, String contains) {
        boolean matches(Message message) {
            return (from == null || message.getAuthor().getIdLong() == from.getIdLong())
                    && (!botsOnly || message.getAuthor().isBot() || message.isWebhookMessage())
                    && (contains == null || message.getContentRaw().toLowerCase(Locale.ROOT).contains(contains));
        }

        /** "from bob, by bots, containing "spam"", or empty. */
        String describe() {
            StringBuilder text = new StringBuilder();
            if (from != null) {
                text.append(" from ").append(CaseEmbeds.name(from.getName()));
            }
            if (botsOnly) {
                text.append(" by bots");
            }
            if (contains != null) {
                text.append(" containing \"").append(contains).append('"');
            }
            return text.toString();
        }
    }

    /** What the search found. */
    private record Found(List<Long> ids, int scanned, boolean reachedOld, int pinnedKept) {
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        ModerationSettings settings = checks.requireModerator(ctx, CaseAction.PURGE);
        String reason = Options.reason(ctx);
        checks.requireReason(settings, reason);
        int count = ctx.event().getOption(COUNT, 1, OptionMapping::getAsInt);
        String contains = ctx.event().getOption(CONTAINS, OptionMapping::getAsString);
        Filter filter = new Filter(ctx.event().getOption(Options.USER, OptionMapping::getAsUser),
                ctx.event().getOption(BOTS, false, OptionMapping::getAsBoolean),
                contains == null || contains.isBlank() ? null : contains.strip().toLowerCase(Locale.ROOT));
        GuildMessageChannel channel = ctx.event().getGuildChannel();
        ctx.requireBotPermissions(channel, Permission.VIEW_CHANNEL, Permission.MESSAGE_HISTORY,
                Permission.MESSAGE_MANAGE);
        ctx.reply().defer(true);

        Found found = search(channel, count, filter);
        if (found.ids().isEmpty()) {
            throw new Refusal("No message to delete: " + shortfall(found, filter));
        }
        delete(channel, found.ids());
        ModCase recorded = ChannelCases.record(recorder, ctx, CaseAction.PURGE, channel, reason, null,
                found.ids().size() + (found.ids().size() == 1 ? " message" : " messages") + filter.describe());
        StringBuilder answer = new StringBuilder("Deleted ").append(recorded.detail()).append(" in ")
                .append(channel.getAsMention()).append(ChannelCases.caseSuffix(recorded));
        if (found.ids().size() < count) {
            answer.append("\nThat is fewer than ").append(count).append(": ").append(shortfall(found, filter));
        }
        if (found.pinnedKept() > 0) {
            answer.append("\nPinned messages are kept (").append(found.pinnedKept()).append(").");
        }
        ctx.reply().send(answer.toString());
    }

    /** The newest messages that match, up to {@code count}, stopping at the first too old to bulk-delete. */
    private static Found search(GuildMessageChannel channel, int count, Filter filter) {
        Instant oldest = Instant.now().minus(BULK_DELETE_AGE);
        MessageHistory history = channel.getHistory();
        List<Long> ids = new ArrayList<>();
        int scanned = 0;
        int pinned = 0;
        while (scanned < MAX_SCANNED) {
            List<Message> page = history.retrievePast(PAGE).timeout(DISCORD_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .complete();
            for (Message message : page) {
                scanned++;
                if (message.getTimeCreated().toInstant().isBefore(oldest)) {
                    return new Found(ids, scanned, true, pinned);
                }
                if (!filter.matches(message)) {
                    continue;
                }
                if (message.isPinned()) {
                    pinned++;
                    continue;
                }
                ids.add(message.getIdLong());
                if (ids.size() == count) {
                    return new Found(ids, scanned, false, pinned);
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        return new Found(ids, scanned, false, pinned);
    }

    /** Bulk deletes of up to 100 messages; a single message is deleted alone, as Discord wants. */
    private static void delete(GuildMessageChannel channel, List<Long> ids) {
        for (int from = 0; from < ids.size(); from += PAGE) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + PAGE));
            if (chunk.size() == 1) {
                channel.deleteMessageById(chunk.get(0)).timeout(DISCORD_TIMEOUT_SECONDS, TimeUnit.SECONDS).complete();
            } else {
                channel.deleteMessagesByIds(chunk.stream().map(String::valueOf).toList())
                        .timeout(DISCORD_TIMEOUT_SECONDS, TimeUnit.SECONDS).complete();
            }
        }
    }

    /** Why the search found fewer messages than asked for. */
    private static String shortfall(Found found, Filter filter) {
        String matching = filter.describe().isEmpty() ? "messages" : "messages" + filter.describe();
        if (found.reachedOld()) {
            return "the other " + matching + " are older than 14 days, and Discord lets bots bulk-delete only "
                    + "messages of the last 14 days.";
        }
        if (found.scanned() >= MAX_SCANNED) {
            return "I looked through the latest " + MAX_SCANNED + " messages only.";
        }
        return "the channel has no more " + matching + ".";
    }
}
