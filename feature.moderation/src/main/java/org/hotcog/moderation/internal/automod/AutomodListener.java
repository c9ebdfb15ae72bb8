package org.hotcog.moderation.internal.automod;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.hotcog.api.gateway.GatewayIntents;
import org.hotcog.api.gateway.PeopleOnly;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Mentions;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;

/**
 * The automod's message rules: every message in a server is checked against its blocked words and
 * patterns, invite links, mentions and spam, in that order, and the first rule broken is enforced.
 * Needs the message content intent (privileged: enable it for the bot in Discord's developer portal).
 */
@Component(service = EventListener.class)
@GatewayIntents({ GatewayIntent.GUILD_MESSAGES, GatewayIntent.MESSAGE_CONTENT })
@PeopleOnly
public final class AutomodListener extends ListenerAdapter {
    private record MemberOf(long guildId, long userId) {
    }

    /** A message of a burst: spam may span channels. */
    private record Sent(long channelId, long messageId) {
    }

    /** How often forgotten spammers are swept from memory, in messages seen. */
    private static final int SWEEP_EVERY = 10_000;

    private final AutomodStore store;
    private final AutomodEnforcer enforcer;
    private final Bursts<MemberOf, Sent> spam = new Bursts<>();
    /** The rules compiled for each guild's settings as last read; recompiled when they change. */
    private final Map<Long, MessageRules> compiled = new ConcurrentHashMap<>();
    private int seen;

    @Activate
    public AutomodListener(@Reference AutomodStore store, @Reference AutomodEnforcer enforcer) {
        this.store = store;
        this.enforcer = enforcer;
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        if (!event.isFromGuild()) {
            return;
        }
        sweepNowAndThen(event.getMessage().getTimeCreated().toInstant().toEpochMilli());
        Guild guild = event.getGuild();
        MessageRules rules = rules(guild.getIdLong());
        if (!anyMessageRuleOn(rules.settings())) {
            return;
        }
        Member author = event.getMember();
        Message message = event.getMessage();
        GuildMessageChannel channel = event.getGuildChannel();
        Optional<MessageRules.Violation> broken = rules.check(message.getContentRaw(), mentions(message.getMentions()));
        if (broken.isPresent()) {
            enforcer.submit(() -> enforcer.enforce(author, Map.of(channel, List.of(message.getIdLong())), broken.get(),
                    rules.settings()));
            return;
        }
        RuleSetting spamRule = rules.settings().rule(AutomodRule.SPAM);
        if (spamRule.enabled()) {
            List<Sent> burst = spam.record(new MemberOf(guild.getIdLong(), author.getIdLong()),
                    new Sent(channel.getIdLong(), message.getIdLong()),
                    message.getTimeCreated().toInstant().toEpochMilli(), spamRule.limit(), spamRule.windowSeconds());
            if (!burst.isEmpty()) {
                MessageRules.Violation violation = new MessageRules.Violation(AutomodRule.SPAM,
                        burst.size() + " messages in " + spamRule.windowSeconds() + "s");
                enforcer.submit(() -> enforcer.enforce(author, byChannel(guild, burst), violation, rules.settings()));
            }
        }
    }

    private MessageRules rules(long guildId) {
        AutomodSettings settings = store.get(guildId);
        return compiled.compute(guildId, (id, previous) ->
                previous != null && previous.settings().equals(settings) ? previous : new MessageRules(settings));
    }

    private static boolean anyMessageRuleOn(AutomodSettings settings) {
        return settings.rules().entrySet().stream()
                .anyMatch(rule -> rule.getKey() != AutomodRule.RAID && rule.getValue().enabled());
    }

    /** User, role and everyone mentions: what pings people. */
    private static int mentions(Mentions mentions) {
        return mentions.getUsers().size() + mentions.getRoles().size() + (mentions.mentionsEveryone() ? 1 : 0);
    }

    private static Map<GuildMessageChannel, List<Long>> byChannel(Guild guild, List<Sent> burst) {
        Map<GuildMessageChannel, List<Long>> messages = new LinkedHashMap<>();
        for (Sent sent : burst) {
            GuildMessageChannel channel = guild.getChannelById(GuildMessageChannel.class, sent.channelId());
            if (channel != null) {
                messages.computeIfAbsent(channel, c -> new ArrayList<>()).add(sent.messageId());
            }
        }
        return messages;
    }

    /** Runs on this listener's single thread only, so the counter needs no lock. */
    private void sweepNowAndThen(long nowMillis) {
        if (++seen % SWEEP_EVERY == 0) {
            // longer than any spam window
            spam.forgetOlderThan(nowMillis - 5 * 60_000L);
        }
    }
}
