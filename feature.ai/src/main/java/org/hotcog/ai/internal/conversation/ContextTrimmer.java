package org.hotcog.ai.internal.conversation;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits a conversation into a model's context budget by an estimate of its tokens: the oldest turns go first, the
 * system prompt and the newest turn always stay, and an answer whose question was dropped is dropped with it, so
 * that a trimmed conversation starts with a person's message.
 */
public final class ContextTrimmer {

    /** What each message costs beyond its text (role and separators), as chat formats count it. */
    static final int TOKENS_PER_TURN = 4;

    private final double charsPerToken;
    private final int tokensPerImage;

    /**
     * @param charsPerToken the characters one token stands for (about 4 for English text)
     * @param tokensPerImage the tokens an image is counted as
     * @throws IllegalArgumentException naming the bad value
     */
    public ContextTrimmer(double charsPerToken, int tokensPerImage) {
        if (!(charsPerToken >= 0.5 && charsPerToken <= 20)) {
            throw new IllegalArgumentException("charsPerToken: " + charsPerToken + " is not between 0.5 and 20");
        }
        if (tokensPerImage < 0 || tokensPerImage > 100_000) {
            throw new IllegalArgumentException("tokensPerImage: " + tokensPerImage + " is not between 0 and 100000");
        }
        this.charsPerToken = charsPerToken;
        this.tokensPerImage = tokensPerImage;
    }

    /**
     * The result of a trim.
     *
     * @param turns the turns kept, oldest first
     * @param dropped how many of the oldest turns were left out
     * @param estimatedTokens the estimate of the system prompt and the kept turns
     * @param overBudget whether even the system prompt and the newest turn exceed the budget
     */
    public record Trimmed(List<Turn> turns, int dropped, int estimatedTokens, boolean overBudget) {

        /** A copy that cannot change. */
        public Trimmed {
            turns = List.copyOf(turns);
        }
    }

    /**
     * @param text some text
     * @return its estimated tokens, rounded up
     */
    public int estimate(String text) {
        return text == null || text.isEmpty() ? 0 : (int) Math.ceil(text.length() / charsPerToken);
    }

    /**
     * @param turn a message
     * @return its estimated tokens: text, images and the message's own cost
     */
    public int estimate(Turn turn) {
        return estimate(turn.text()) + turn.images().size() * tokensPerImage + TOKENS_PER_TURN;
    }

    /**
     * @param systemPrompt the instructions, kept whatever their size, or null
     * @param turns the conversation, oldest first, ending with the newest message
     * @param budget the tokens the model's context may hold
     * @return what fits
     * @throws IllegalArgumentException if the budget is not positive or there are no turns
     */
    public Trimmed trim(String systemPrompt, List<Turn> turns, int budget) {
        if (budget <= 0) {
            throw new IllegalArgumentException("budget: " + budget + " is not positive");
        }
        if (turns.isEmpty()) {
            throw new IllegalArgumentException("a conversation has at least one turn");
        }
        int total = systemPrompt == null || systemPrompt.isEmpty() ? 0 : estimate(systemPrompt) + TOKENS_PER_TURN;
        int[] costs = new int[turns.size()];
        for (int i = 0; i < costs.length; i++) {
            costs[i] = estimate(turns.get(i));
            total += costs[i];
        }
        int first = 0;
        int last = turns.size() - 1;
        while (first < last && (total > budget || first > 0 && turns.get(first).role() == Role.ASSISTANT)) {
            total -= costs[first];
            first++;
        }
        return new Trimmed(new ArrayList<>(turns.subList(first, turns.size())), first, total, total > budget);
    }
}
