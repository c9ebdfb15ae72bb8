package org.hotcog.emulator;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What happened to one interaction a test started (slash command, button click, modal submit): the bot's callback,
 * its original response with later edits, and its follow-ups. Every wait is bounded by the given timeout.
 */
public interface InteractionResult {

    /** The interaction's snowflake id. */
    long id();

    /** The interaction's token (what the bot uses in callback and webhook routes). */
    String token();

    /**
     * Waits for the bot's callback.
     *
     * @param timeout the longest time to wait
     * @return the callback as the user's client received it
     * @throws AssertionError if the bot did not answer in time (the message lists REST errors the bot got)
     */
    InteractionResponse awaitResponse(Duration timeout);

    /**
     * Waits until the original response is a finished message: a type 4 reply, a type 7 update, or a deferred reply
     * (5) or deferred update (6) that the bot has since edited.
     *
     * @param timeout the longest time to wait
     * @return the original response message (live handle)
     * @throws AssertionError if there is no finished reply in time
     */
    Message awaitReply(Duration timeout);

    /**
     * Waits until the original response exists and matches the condition (checked after every change).
     *
     * @param timeout the longest time to wait
     * @param condition what the test waits for, e.g. {@code m -> m.editCount() == 2}
     * @return the original response message
     * @throws AssertionError if the condition was not met in time
     */
    Message awaitOriginal(Duration timeout, Predicate<Message> condition);

    /**
     * Waits until the bot has sent at least {@code count} follow-up messages.
     *
     * @param count how many follow-ups to wait for
     * @param timeout the longest time to wait
     * @return all follow-ups so far, oldest first
     * @throws AssertionError if fewer arrived in time
     */
    List<Message> awaitFollowUps(int count, Duration timeout);

    /** The bot's callback, if it answered already. */
    Optional<InteractionResponse> response();

    /** The original response message, if there is one yet. */
    Optional<Message> original();

    /** The follow-ups so far, oldest first. */
    List<Message> followUps();

    /**
     * The errors the local Discord answered to the bot's requests for this interaction, e.g.
     * {@code "404 10062 Unknown interaction"} for a callback after the 3-second window.
     */
    List<String> errors();
}
