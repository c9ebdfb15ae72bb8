package org.hotcog.ai.internal.ask;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.hotcog.ai.internal.AiConfig;
import org.hotcog.ai.internal.answer.AnswerGone;
import org.hotcog.ai.internal.answer.MessageSplitter;
import org.hotcog.ai.internal.answer.MessageTarget;
import org.hotcog.ai.internal.conversation.ContextTrimmer;
import org.hotcog.ai.internal.conversation.ConversationStore;
import org.hotcog.ai.internal.conversation.Turn;
import org.hotcog.ai.internal.provider.ChatProvider;
import org.hotcog.ai.internal.provider.ProviderRegistry;
import org.hotcog.ai.internal.settings.AccessPolicy;
import org.hotcog.ai.internal.settings.AiSettingsStore;
import org.hotcog.ai.internal.settings.Choice;
import org.hotcog.ai.internal.usage.QuotaLimits;
import org.hotcog.ai.internal.usage.UsageStore;
import org.hotcog.api.ai.AiTopics;
import org.hotcog.api.interaction.Refusal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.ISnowflake;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;

/**
 * What every way of asking shares (the commands, a reply, a mention, a {@code /chat} thread): who may ask where
 * (the guild's lists, direct messages, the cooldown), which provider, model and persona answer, the conversation
 * so far, the quotas (through {@link Asker}), keeping the conversation and telling other bundles
 * ({@link AiTopics#ANSWERED}).
 */
@Component(service = Assistant.class, configurationPid = AiConfig.PID)
@Designate(ocd = AiConfig.class)
public final class Assistant {

    private static final Logger LOG = LoggerFactory.getLogger(Assistant.class);

    private final UsageStore usage;
    private final ConversationStore conversations;
    private final AiSettingsStore settings;
    private final ProviderRegistry providers;
    private final EventAdmin events;
    private final Clock clock;
    /** Runs the paced edits of every answer streaming now. */
    private final ScheduledExecutorService scheduler;
    /** When each person last asked, for the cooldown (per process, like the interactions it sees). */
    private final Map<Long, Instant> lastAsked = new ConcurrentHashMap<>();
    /**
     * The last question of each conversation still being answered or kept: the next one waits for it, so that it
     * sees the earlier turn in its history even when it comes right after the answer showed.
     */
    private final Map<Long, CompletableFuture<Answer>> answering = new ConcurrentHashMap<>();
    private volatile AiConfig config;
    private volatile Asker asker;

    /** Where and by whom a question is asked. */
    public record Place(Guild guild, Member member, User user, MessageChannel channel) {

        /** The guild's id, 0 in a DM. */
        public long guildId() {
            return guild == null ? 0 : guild.getIdLong();
        }

        /** The parent of a thread, else the channel itself: where channel choices and lists apply. */
        public long baseChannelId() {
            return channel instanceof ThreadChannel thread ? thread.getParentChannel().getIdLong()
                    : channel.getIdLong();
        }

        List<Long> roleIds() {
            return member == null ? List.of() : member.getRoles().stream().map(ISnowflake::getIdLong).toList();
        }
    }

    /**
     * Which conversation a question belongs to.
     *
     * @param id an existing conversation, or 0 for none yet
     * @param kept whether the question and its answer are kept (a private answer is not: no one can reply to it)
     */
    public record Conversation(long id, boolean kept) {
        /** A question whose answer starts a reply chain. */
        public static final Conversation NEW_CHAIN = new Conversation(0, true);
        /** A question answered privately, kept nowhere. */
        public static final Conversation NONE = new Conversation(0, false);

        /** @return an existing conversation, continued */
        public static Conversation of(long id) {
            return new Conversation(id, true);
        }
    }

    /** The provider, model and system prompt that answer in a place. */
    public record Resolved(ChatProvider provider, String model, String persona, String systemPrompt) {
    }

    /**
     * A question's end.
     *
     * @param outcome how it ended
     * @param conversationId the conversation it is now part of, or 0
     */
    public record Answer(Asker.Outcome outcome, long conversationId) {
    }

    @Activate
    public Assistant(@Reference UsageStore usage, @Reference ConversationStore conversations,
            @Reference AiSettingsStore settings, @Reference ProviderRegistry providers, @Reference EventAdmin events,
            AiConfig config) {
        this.usage = usage;
        this.conversations = conversations;
        this.settings = settings;
        this.providers = providers;
        this.events = events;
        this.clock = Clock.systemUTC();
        this.scheduler = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "hotcog-ai-edits");
            thread.setDaemon(true);
            return thread;
        });
        configure(config);
    }

    @Modified
    void configure(AiConfig changed) {
        if (changed.editIntervalMillis() < 1_000 || changed.editIntervalMillis() > 60_000) {
            throw new IllegalArgumentException("editIntervalMillis: " + changed.editIntervalMillis()
                    + " is not between 1000 and 60000");
        }
        if (changed.contextTokens() < 256) {
            throw new IllegalArgumentException("contextTokens: " + changed.contextTokens() + " is below 256");
        }
        if (changed.cooldownSeconds() < 0) {
            throw new IllegalArgumentException("cooldownSeconds: " + changed.cooldownSeconds() + " is negative");
        }
        ContextTrimmer trimmer = new ContextTrimmer(changed.charsPerToken(), changed.tokensPerImage());
        this.asker = new Asker(usage, trimmer, MessageSplitter.discord(), Duration.ofMillis(changed.editIntervalMillis()),
                scheduler, clock);
        this.config = changed;
    }

    /** The configuration now. */
    public AiConfig config() {
        return config;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        // the answers streaming now end with their providers (this bundle's, closed with it); their last writes
        // are already queued here
        scheduler.shutdown();
        if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
            scheduler.shutdownNow();
        }
    }

    /**
     * Checks the guild's lists, direct messages and the cooldown; starts the person's cooldown when admitted.
     *
     * @param place where and who
     * @throws Refusal saying why not
     * @throws SQLException if the database fails
     */
    public void admit(Place place) throws SQLException {
        checkAccess(place);
        cooldown(place.user().getIdLong());
    }

    /**
     * Checks the guild's lists and direct messages, not the cooldown (for what asks nothing itself, like /chat).
     *
     * @param place where and who
     * @throws Refusal saying why not
     * @throws SQLException if the database fails
     */
    public void checkAccess(Place place) throws SQLException {
        if (place.guild() == null) {
            if (!config.directMessages()) {
                throw new Refusal("The AI does not answer in direct messages; ask in a server.");
            }
        } else {
            Optional<String> refused = AccessPolicy.refusal(settings.rules(place.guildId()),
                    place.user().getIdLong(), place.roleIds(), place.channel().getIdLong(),
                    place.channel() instanceof ThreadChannel ? place.baseChannelId() : 0);
            if (refused.isPresent()) {
                throw new Refusal(refused.get());
            }
        }
    }

    private void cooldown(long userId) {
        Duration cooldown = Duration.ofSeconds(config.cooldownSeconds());
        if (cooldown.isZero()) {
            return;
        }
        Instant now = clock.instant();
        Instant[] wait = new Instant[1];
        lastAsked.compute(userId, (user, last) -> {
            if (last != null && last.plus(cooldown).isAfter(now)) {
                wait[0] = last.plus(cooldown);
                return last;
            }
            return now;
        });
        if (wait[0] != null) {
            throw new Refusal("Slow down: you can ask the AI again in " + Notes.humanize(Duration.between(now,
                    wait[0])) + ".");
        }
        if (lastAsked.size() > 10_000) {
            lastAsked.values().removeIf(last -> last.plus(cooldown).isBefore(now));
        }
    }

    /**
     * @param place where
     * @return the provider, model and persona chosen there (a channel's choice over the guild's, over the defaults)
     * @throws Refusal if no provider can answer
     * @throws SQLException if the database fails
     */
    public Resolved resolve(Place place) throws SQLException {
        Choice choice = place.guild() == null ? Choice.NONE : settings.choice(place.guildId(), place.baseChannelId());
        ChatProvider provider;
        if (choice.provider() != null) {
            provider = providers.find(choice.provider()).orElseThrow(() -> new Refusal("The AI provider "
                    + choice.provider() + " chosen here is not configured any more; an admin can choose another "
                    + "with /ai model."));
        } else {
            provider = providers.byDefault(config.defaultProvider()).orElseThrow(() -> new Refusal(
                    "No AI provider is configured on this bot."));
        }
        String model = choice.model() != null ? choice.model() : provider.settings().defaultModel();
        String prompt = choice.persona() == null ? null
                : settings.persona(place.guildId(), choice.persona()).orElse(null);
        return new Resolved(provider, model, prompt == null ? null : choice.persona(), prompt);
    }

    /**
     * Asks, streams the answer into {@code target}, keeps the question and the answer in the conversation, and
     * posts {@link AiTopics#ANSWERED} when a call was made. Call {@link #admit} and {@link #resolve} first.
     *
     * @param place where and who
     * @param resolved who answers
     * @param conversation the conversation the question continues or starts
     * @param question the question
     * @param questionMessageIds the Discord message that carries the question, if any
     * @param target where the answer is shown
     * @param replyExists whether message 0 of the target exists already (a deferred reply)
     * @return how it ended; fails only if Discord or the database did
     */
    public CompletableFuture<Answer> ask(Place place, Resolved resolved, Conversation conversation, Turn question,
            List<Long> questionMessageIds, MessageTarget target, boolean replyExists) {
        if (conversation.id() == 0) {
            return answer(place, resolved, conversation, question, questionMessageIds, target, replyExists);
        }
        @SuppressWarnings("unchecked")
        CompletableFuture<Answer>[] mine = new CompletableFuture[1];
        answering.compute(conversation.id(), (id, before) -> {
            CompletableFuture<?> previous = before == null ? CompletableFuture.completedFuture(null) : before;
            mine[0] = previous.handle((answer, failure) -> null).thenCompose(ignored -> answer(place, resolved,
                    conversation, question, questionMessageIds, target, replyExists));
            return mine[0];
        });
        mine[0].whenComplete((answer, failure) -> answering.remove(conversation.id(), mine[0]));
        return mine[0];
    }

    /**
     * @param conversationId a conversation
     * @return done once the questions of the conversation asked so far are answered and kept (at once if none is
     *     in progress), so that what comes next (a reset) sees them
     */
    public CompletableFuture<Void> afterAnswers(long conversationId) {
        CompletableFuture<Answer> last = answering.get(conversationId);
        return last == null ? CompletableFuture.completedFuture(null) : last.handle((answer, failure) -> null);
    }

    private CompletableFuture<Answer> answer(Place place, Resolved resolved, Conversation conversation,
            Turn question, List<Long> questionMessageIds, MessageTarget target, boolean replyExists) {
        List<Turn> turns = new ArrayList<>();
        QuotaLimits member;
        QuotaLimits guild;
        try {
            if (conversation.id() != 0) {
                turns.addAll(conversations.turns(conversation.id()));
            }
            member = place.guild() == null ? QuotaLimits.UNLIMITED : usage.memberLimits(place.guildId(),
                    place.roleIds());
            guild = place.guild() == null ? QuotaLimits.UNLIMITED : usage.guildLimits(place.guildId());
        } catch (SQLException e) {
            return CompletableFuture.failedFuture(e);
        }
        turns.add(question);
        UsageStore.Call call = new UsageStore.Call(place.guildId(), place.user().getIdLong(),
                place.channel().getIdLong(), resolved.provider().settings().name(), resolved.model());
        Asker.Question asked = new Asker.Question(call, member, guild, resolved.provider(), resolved.systemPrompt(),
                turns, config.contextTokens());
        return asker.ask(asked, target, replyExists).thenApply(outcome -> {
            if (outcome.usageId() != 0) {
                posted(call, outcome);
            }
            return new Answer(outcome, keep(place, conversation, question, questionMessageIds, target, outcome));
        });
    }

    /** Keeps the question and what was answered (a cut answer as far as it came); returns the conversation. */
    private long keep(Place place, Conversation conversation, Turn question, List<Long> questionMessageIds,
            MessageTarget target, Asker.Outcome outcome) {
        String answered = outcome.completion() != null ? outcome.completion().text()
                : outcome.failure() != null ? outcome.failure().partialText() : "";
        if (!conversation.kept() || answered.isBlank()) {
            return conversation.id();
        }
        try {
            long id = conversation.id() != 0 ? conversation.id()
                    : conversations.start(place.guildId(), place.channel().getIdLong(), 0, place.user().getIdLong());
            conversations.append(id, question, place.user().getIdLong(), questionMessageIds);
            conversations.append(id, Turn.assistant(answered), place.channel().getJDA().getSelfUser().getIdLong(),
                    target.messageIds());
            return id;
        } catch (SQLException e) {
            // the answer is shown; only the memory of it is lost, which the next question's context will lack
            LOG.error("Cannot keep an AI conversation turn in channel {}", place.channel().getIdLong(), e);
            return conversation.id();
        }
    }

    private void posted(UsageStore.Call call, Asker.Outcome outcome) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(AiTopics.GUILD_ID, call.guildId());
        properties.put(AiTopics.USER_ID, call.userId());
        properties.put(AiTopics.CHANNEL_ID, call.channelId());
        properties.put(AiTopics.PROVIDER, call.provider());
        properties.put(AiTopics.MODEL, call.model());
        properties.put(AiTopics.PROMPT_TOKENS, outcome.usage().promptTokens());
        properties.put(AiTopics.COMPLETION_TOKENS, outcome.usage().completionTokens());
        properties.put(AiTopics.LATENCY_MS, outcome.latency().toMillis());
        properties.put(AiTopics.OUTCOME, outcome.outcome());
        properties.put(AiTopics.COST_MICROS, outcome.cost());
        events.postEvent(new Event(AiTopics.ANSWERED, properties));
    }

    /**
     * Logs a question that failed outside the provider (Discord refused a write, the database failed): the person
     * has seen whatever was written; the cause is for the operator.
     *
     * @param where what was asked where, for the log
     * @param failure the failure, or null when it succeeded
     */
    public static void logFailure(String where, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof AnswerGone gone) {
            // a moderator deleted the answer, or Discord's token for it expired: nothing is broken
            LOG.warn("AI answer {} stopped: {}", where, gone.getMessage());
        } else if (cause != null) {
            LOG.error("AI answer {} failed", where, cause);
        }
    }
}
