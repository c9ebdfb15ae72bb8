package org.hotcog.ai.internal.answer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.hotcog.ai.internal.provider.StreamSink;

/**
 * Shows an answer in Discord as it is generated: the text so far is split into messages
 * ({@link MessageSplitter}), and what changed is edited or sent at most once per interval (Discord's rate limits),
 * the first text at once; {@link #finish(String)} always writes the whole answer, whatever the pace. Writes go one
 * after another, never two at once, each with the text as it is when it starts, so a slow Discord delays the
 * answer but never piles up edits.
 */
public final class AnswerStream implements StreamSink {

    private final MessageTarget target;
    private final MessageSplitter splitter;
    private final long intervalNanos;
    private final ScheduledExecutorService scheduler;
    private final StringBuilder text = new StringBuilder();
    /** What Discord shows, by message; null for a reply that exists but shows none of the answer yet. */
    private final List<String> shown = new ArrayList<>();
    private CompletableFuture<Void> writes = CompletableFuture.completedFuture(null);
    private Throwable failure;
    private boolean writeQueued;
    private boolean finished;
    private CompletableFuture<List<String>> result;
    private long nextWrite = System.nanoTime();

    /**
     * @param target where the answer is shown
     * @param splitter how it is split into messages
     * @param interval the least time between two writes
     * @param scheduler runs the writes that wait for their turn
     * @param replyExists whether message 0 exists already (a deferred reply), to be edited rather than sent
     */
    public AnswerStream(MessageTarget target, MessageSplitter splitter, Duration interval,
            ScheduledExecutorService scheduler, boolean replyExists) {
        this.target = target;
        this.splitter = splitter;
        this.intervalNanos = interval.toNanos();
        this.scheduler = scheduler;
        if (replyExists) {
            shown.add(null);
        }
    }

    /**
     * @throws AnswerGone once a write has failed: the rest of the answer would not be shown either, and the
     *     provider's stream stops when its sink throws
     */
    @Override
    public synchronized void onText(String delta) {
        if (failure != null) {
            throw new AnswerGone(failure);
        }
        if (finished) {
            return;
        }
        text.append(delta);
        if (writeQueued) {
            // the queued write takes the text as it is when it starts
            return;
        }
        writeQueued = true;
        long wait = Math.max(0, nextWrite - System.nanoTime());
        try {
            scheduler.schedule(this::queueWrite, wait, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down: finish() still writes what there is
            writeQueued = false;
        }
    }

    private synchronized void queueWrite() {
        writes = writes.thenCompose(ignored -> write(false));
    }

    /**
     * Writes the whole answer now, after the writes already started.
     *
     * @param trailer appended to the answer (a note that it was cut, for example), or empty
     * @return the messages as Discord shows them at the end; fails with {@link AnswerGone} for the first write that
     *     failed (a second call returns the first call's result, its trailer ignored)
     */
    public synchronized CompletableFuture<List<String>> finish(String trailer) {
        if (result != null) {
            return result;
        }
        finished = true;
        text.append(trailer);
        writes = writes.thenCompose(ignored -> write(true));
        result = writes.thenApply(ignored -> {
            synchronized (this) {
                if (failure != null) {
                    throw new AnswerGone(failure);
                }
                return List.copyOf(shown);
            }
        });
        return result;
    }

    /** The text so far, trailer included once finished. */
    public synchronized String text() {
        return text.toString();
    }

    private CompletableFuture<Void> write(boolean last) {
        List<String> wanted;
        synchronized (this) {
            if (!last) {
                writeQueued = false;
            }
            // after a failed write (the reply deleted, the token expired) the next would fail too
            if (failure != null || finished && !last) {
                return CompletableFuture.completedFuture(null);
            }
            nextWrite = System.nanoTime() + intervalNanos;
            wanted = splitter.split(text.toString());
        }
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (int i = 0; i < wanted.size(); i++) {
            int index = i;
            String content = wanted.get(i);
            chain = chain.thenCompose(ignored -> apply(index, content));
        }
        return chain.exceptionally(error -> {
            synchronized (this) {
                if (failure == null) {
                    failure = error instanceof CompletionException && error.getCause() != null ? error.getCause()
                            : error;
                }
            }
            return null;
        });
    }

    private CompletableFuture<Void> apply(int index, String content) {
        boolean exists;
        synchronized (this) {
            exists = index < shown.size();
            if (exists && content.equals(shown.get(index))) {
                return CompletableFuture.completedFuture(null);
            }
        }
        CompletableFuture<Void> call = exists ? target.edit(index, content) : target.send(index, content);
        return call.thenRun(() -> {
            synchronized (this) {
                if (index < shown.size()) {
                    shown.set(index, content);
                } else {
                    shown.add(content);
                }
            }
        });
    }
}
