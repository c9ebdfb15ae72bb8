package org.hotcog.ai.internal.ask;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;

import org.hotcog.ai.internal.answer.AnswerGone;
import org.hotcog.ai.internal.answer.AnswerStream;
import org.hotcog.ai.internal.answer.MessageSplitter;
import org.hotcog.ai.internal.answer.MessageTarget;
import org.hotcog.ai.internal.conversation.ContextTrimmer;
import org.hotcog.ai.internal.conversation.Turn;
import org.hotcog.ai.internal.provider.ChatProvider;
import org.hotcog.ai.internal.provider.ChatRequest;
import org.hotcog.ai.internal.provider.Completion;
import org.hotcog.ai.internal.provider.ProviderException;
import org.hotcog.ai.internal.provider.Usage;
import org.hotcog.ai.internal.usage.Admission;
import org.hotcog.ai.internal.usage.QuotaLimits;
import org.hotcog.ai.internal.usage.UsageStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One question to a provider, from the quota check to the last edit: trims the conversation to the model's
 * budget, checks the quotas (a refusal is said instead of a call), streams the answer into Discord, retries once
 * without images when the model refuses them, ends every failure with a short note (after a partial answer, as a
 * line marking it cut) and a logged cause, and finishes the call's usage row.
 */
public final class Asker {

    private static final Logger LOG = LoggerFactory.getLogger(Asker.class);
    /** The usage outcome of a call stopped because its answer could no longer be shown. */
    static final String STOPPED = "STOPPED";
    private static final String IMAGES_DROPPED = "\n-# This model does not take images: it answered the text alone.";

    private final UsageStore usage;
    private final ContextTrimmer trimmer;
    private final MessageSplitter splitter;
    private final Duration editInterval;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;

    /**
     * @param usage usage rows and quotas
     * @param trimmer fits conversations into a budget
     * @param splitter splits answers into messages
     * @param editInterval the least time between two writes to Discord
     * @param scheduler runs the paced writes
     * @param clock the time of quotas and latencies
     */
    public Asker(UsageStore usage, ContextTrimmer trimmer, MessageSplitter splitter, Duration editInterval,
            ScheduledExecutorService scheduler, Clock clock) {
        this.usage = usage;
        this.trimmer = trimmer;
        this.splitter = splitter;
        this.editInterval = editInterval;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /**
     * A question and everything around it.
     *
     * @param call who asks, where, which provider and model (for usage and quotas)
     * @param member the member's quota
     * @param guild the guild's quota
     * @param provider the provider to ask
     * @param systemPrompt the persona's instructions, or null
     * @param turns the conversation, oldest first, ending with the question
     * @param contextBudget the tokens the model's context may hold
     */
    public record Question(UsageStore.Call call, QuotaLimits member, QuotaLimits guild, ChatProvider provider,
            String systemPrompt, List<Turn> turns, int contextBudget) {
    }

    /**
     * How a question ended.
     *
     * @param messages the messages as Discord shows them
     * @param completion the answer, or null when none came whole
     * @param failure why the provider failed, or null
     * @param refusal the quota reached, or null
     * @param usageId the usage row, or 0 when no call was made
     * @param latency from the request to the end of the answer (zero when no call was made)
     * @param cost the call's estimated cost in millionths (0 when no call was made)
     */
    public record Outcome(List<String> messages, Completion completion, ProviderException failure,
            Admission.Refused refusal, long usageId, Duration latency, long cost) {

        /** The tokens as the provider reported them; unknown when no answer came whole. */
        public Usage usage() {
            return completion != null ? completion.usage() : Usage.UNKNOWN;
        }

        /** {@code OK}, the failure's kind, or {@code NONE} when no call was made. */
        public String outcome() {
            return completion != null ? "OK" : failure != null ? failure.kind().name() : "NONE";
        }
    }

    /**
     * @param question the question
     * @param target where the answer is shown
     * @param replyExists whether message 0 exists (a deferred reply) to be edited
     * @return how it ended; fails only if Discord or the database did
     */
    public CompletableFuture<Outcome> ask(Question question, MessageTarget target, boolean replyExists) {
        AnswerStream stream = new AnswerStream(target, splitter, editInterval, scheduler, replyExists);
        ContextTrimmer.Trimmed trimmed = trimmer.trim(question.systemPrompt(), question.turns(),
                question.contextBudget());
        if (trimmed.overBudget()) {
            return stream.finish("⚠ This is too long for the model: about " + trimmed.estimatedTokens()
                    + " tokens, and it takes " + question.contextBudget() + ".")
                    .thenApply(messages -> new Outcome(messages, null, null, null, 0, Duration.ZERO, 0));
        }
        Admission admission;
        try {
            admission = usage.admit(question.call(), question.member(), question.guild());
        } catch (SQLException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (admission instanceof Admission.Refused refused) {
            return stream.finish("⏳ " + Notes.quota(refused, clock.instant()))
                    .thenApply(messages -> new Outcome(messages, null, null, refused, 0, Duration.ZERO, 0));
        }
        long usageId = ((Admission.Admitted) admission).usageId();
        ChatRequest request = new ChatRequest(question.call().model(), question.systemPrompt(), trimmed.turns());
        Instant start = clock.instant();
        return call(question.provider(), request, stream).handle((answer, failure) -> {
            Throwable cause = cause(failure);
            ProviderException providerFailure = cause instanceof ProviderException provider ? provider : null;
            if (cause instanceof AnswerGone) {
                // the stream stopped the call: what the provider generated until then is not reported
                finish(usageId, question, Usage.UNKNOWN, STOPPED, Duration.between(start, clock.instant()));
            }
            if (cause != null && providerFailure == null) {
                // not the provider's doing (a bug, or Discord refusing a write): stop here
                throw new CompletionException(cause);
            }
            Completion completion = answer == null ? null : answer.completion();
            String trailer = (answer != null && answer.imagesDropped() ? IMAGES_DROPPED : "")
                    + (completion != null ? Notes.ending(completion) : Notes.failure(providerFailure));
            if (providerFailure != null) {
                LOG.warn("AI provider {} failed for guild {} (model {}): {} ({})",
                        question.provider().settings().name(), question.call().guildId(), request.model(),
                        providerFailure.kind(), providerFailure.getMessage());
            }
            Duration latency = Duration.between(start, clock.instant());
            long cost = finish(usageId, question, completion != null ? completion.usage() : Usage.UNKNOWN,
                    completion != null ? "OK" : providerFailure.kind().name(), latency);
            return new Ended(completion, providerFailure, trailer, latency, cost);
        }).thenCompose(ended -> stream.finish(ended.trailer()).thenApply(messages -> new Outcome(messages,
                ended.completion(), ended.failure(), null, usageId, ended.latency(), ended.cost())));
    }

    private record Answered(Completion completion, boolean imagesDropped) {
    }

    private record Ended(Completion completion, ProviderException failure, String trailer, Duration latency,
            long cost) {
    }

    /** Asks, and asks again without images if the model refused them before answering anything. */
    private static CompletableFuture<Answered> call(ChatProvider provider, ChatRequest request, AnswerStream stream) {
        return provider.chat(request, stream).thenApply(completion -> new Answered(completion, false))
                .exceptionallyCompose(failure -> {
                    Throwable cause = cause(failure);
                    if (cause instanceof ProviderException refused && refused.kind() == ProviderException.Kind.REFUSED
                            && !refused.cut() && request.hasImages()) {
                        return provider.chat(withoutImages(request), stream)
                                .thenApply(completion -> new Answered(completion, true));
                    }
                    return CompletableFuture.failedFuture(cause);
                });
    }

    /** The failure itself, out of the CompletionException a stage wraps it in. */
    private static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static ChatRequest withoutImages(ChatRequest request) {
        List<Turn> turns = new ArrayList<>();
        for (Turn turn : request.turns()) {
            String text = turn.text().isEmpty() ? "(an image)" : turn.text();
            turns.add(new Turn(turn.role(), text, List.of()));
        }
        return new ChatRequest(request.model(), request.systemPrompt(), turns);
    }

    /**
     * Finishes the usage row; returns the call's estimated cost.
     *
     * @param outcome {@code OK}, the provider's failure's kind, or {@link #STOPPED}
     */
    private long finish(long usageId, Question question, Usage reported, String outcome, Duration latency) {
        long cost = question.provider().prices().costMicros(question.call().model(), reported.promptTokens(),
                reported.completionTokens());
        try {
            usage.finish(usageId, new UsageStore.Result(reported.promptTokens(), reported.completionTokens(), latency,
                    outcome, cost));
        } catch (SQLException e) {
            // the answer is shown anyway; the row stays PENDING, which still counts against the quotas
            LOG.error("Cannot finish the AI usage row {}", usageId, e);
        }
        return cost;
    }
}
