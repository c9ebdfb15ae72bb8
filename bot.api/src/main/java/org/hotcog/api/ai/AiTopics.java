package org.hotcog.api.ai;

/**
 * Event Admin topics of the AI module and the keys of their properties. Values are strings, numbers
 * and booleans only; Discord ids are {@code long}. The text of a question or an answer is never in an
 * event.
 *
 * {@snippet :
 * @Component
 * @EventTopics(AiTopics.ANSWERED)
 * public final class AiSpendWatch implements EventHandler {
 *     @Override
 *     public void handleEvent(Event event) {
 *         long guild = (Long) event.getProperty(AiTopics.GUILD_ID);
 *         int tokens = (Integer) event.getProperty(AiTopics.COMPLETION_TOKENS);
 *         ...
 *     }
 * }
 * }
 */
public final class AiTopics {
    /**
     * A call to an AI provider ended, with an answer or a failure, after its usage row was written.
     * Carries every key below. A request refused before any call (a quota, the access lists, the
     * cooldown) posts nothing.
     */
    public static final String ANSWERED = "bot/ai/ANSWERED";

    /** The guild's id, 0 in a direct message ({@code long}). */
    public static final String GUILD_ID = "guild.id";
    /** Who asked ({@code long}). */
    public static final String USER_ID = "user.id";
    /** The channel or thread of the question ({@code long}). */
    public static final String CHANNEL_ID = "channel.id";
    /** The provider's configured name ({@code String}). */
    public static final String PROVIDER = "ai.provider";
    /** The model asked ({@code String}). */
    public static final String MODEL = "ai.model";
    /** Prompt tokens as the provider reported them, -1 when it did not ({@code int}). */
    public static final String PROMPT_TOKENS = "ai.tokens.prompt";
    /** Completion tokens as the provider reported them, -1 when it did not ({@code int}). */
    public static final String COMPLETION_TOKENS = "ai.tokens.completion";
    /** From the request to the end of the answer, in milliseconds ({@code long}). */
    public static final String LATENCY_MS = "ai.latency.ms";
    /**
     * How the call ended ({@code String}): {@code OK}, or the failure's kind: {@code TIMEOUT},
     * {@code UNAUTHORIZED}, {@code RATE_LIMITED}, {@code SERVER_ERROR}, {@code CUT_STREAM},
     * {@code MALFORMED_CHUNK}, {@code REFUSED} or {@code UNREACHABLE}.
     */
    public static final String OUTCOME = "ai.outcome";
    /** The estimated cost in millionths of the configured currency, 0 without prices ({@code long}). */
    public static final String COST_MICROS = "ai.cost.micros";

    private AiTopics() {
    }
}
