package org.hotcog.ai.internal.provider;

import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import javax.net.ssl.SSLException;

/**
 * One streamed request: reads the body line by line as it arrives (no thread waits on it), feeds the decoder,
 * stops the stream when the provider stays silent longer than its timeout, and ends in exactly one outcome.
 */
final class StreamRun implements Flow.Subscriber<String> {

    private final WireProtocol protocol;
    private final StreamDecoder decoder;
    private final StreamSink sink;
    private final int attempt;
    private final ScheduledExecutorService scheduler;
    private final Duration idleTimeout;
    private final UnaryOperator<ProviderException> redactor;
    private final CompletableFuture<Completion> result = new CompletableFuture<>();
    private final StringBuilder errorBody = new StringBuilder();
    private volatile int status;
    private HttpHeaders headers;
    private Flow.Subscription subscription;
    private ScheduledFuture<?> watchdog;
    private long lastActivity;

    StreamRun(WireProtocol protocol, StreamSink sink, int attempt, ScheduledExecutorService scheduler,
            Duration idleTimeout, UnaryOperator<ProviderException> redactor) {
        this.protocol = protocol;
        this.decoder = protocol.decoder();
        this.sink = sink;
        this.attempt = attempt;
        this.scheduler = scheduler;
        this.idleTimeout = idleTimeout;
        this.redactor = redactor;
    }

    /**
     * @param client the client
     * @param request the request, with its timeout for the first byte
     * @return the outcome
     */
    CompletableFuture<Completion> start(HttpClient client, HttpRequest request) {
        client.sendAsync(request, this::subscriber).whenComplete((response, failure) -> {
            if (failure != null) {
                fail(transportFailure(failure));
            }
        });
        return result;
    }

    private synchronized HttpResponse.BodySubscriber<Void> subscriber(HttpResponse.ResponseInfo info) {
        status = info.statusCode();
        headers = info.headers();
        return HttpResponse.BodySubscribers.fromLineSubscriber(this, ignored -> null, StandardCharsets.UTF_8, null);
    }

    private boolean success() {
        return status / 100 == 2;
    }

    @Override
    public synchronized void onSubscribe(Flow.Subscription given) {
        subscription = given;
        lastActivity = System.nanoTime();
        watch(idleTimeout);
        given.request(Long.MAX_VALUE);
    }

    @Override
    public synchronized void onNext(String line) {
        lastActivity = System.nanoTime();
        if (result.isDone()) {
            return;
        }
        if (!success()) {
            errorBody.append(line).append('\n');
            return;
        }
        try {
            decoder.line(line, sink);
        } catch (ChunkException e) {
            fail(new ProviderException(e.kind(), status, e.getMessage(), null, "", null));
            subscription.cancel();
        } catch (RuntimeException e) {
            // the sink failed: stop reading, and tell the caller why
            cancelWatchdog();
            result.completeExceptionally(e);
            subscription.cancel();
        }
    }

    @Override
    public synchronized void onError(Throwable throwable) {
        fail(transportFailure(throwable));
    }

    @Override
    public synchronized void onComplete() {
        if (!success()) {
            fail(protocol.error(status, headers, errorBody.toString()));
            return;
        }
        try {
            decoder.end(sink);
        } catch (ChunkException e) {
            fail(new ProviderException(e.kind(), status, e.getMessage(), null, "", null));
            return;
        } catch (RuntimeException e) {
            cancelWatchdog();
            result.completeExceptionally(e);
            return;
        }
        if (!decoder.complete()) {
            fail(new ProviderException(ProviderException.Kind.CUT_STREAM, status,
                    "the stream ended before the answer did", null, "", null));
            return;
        }
        cancelWatchdog();
        String raw = decoder.finishReason();
        result.complete(new Completion(decoder.text(), FinishReason.of(raw), raw, decoder.usage(), attempt));
    }

    private synchronized void fail(ProviderException failure) {
        cancelWatchdog();
        result.completeExceptionally(redactor.apply(failure.withPartial(decoder.text())));
    }

    private synchronized void watch(Duration delay) {
        try {
            watchdog = scheduler.schedule(this::checkSilence, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // the provider is closing: its close ends the stream anyway
        }
    }

    private synchronized void checkSilence() {
        if (result.isDone()) {
            return;
        }
        long silent = System.nanoTime() - lastActivity;
        if (silent < idleTimeout.toNanos()) {
            watch(Duration.ofNanos(idleTimeout.toNanos() - silent));
            return;
        }
        fail(new ProviderException(ProviderException.Kind.TIMEOUT, status,
                "no data for " + idleTimeout.toSeconds() + " s in the middle of the answer", null, "", null));
        subscription.cancel();
    }

    private void cancelWatchdog() {
        if (watchdog != null) {
            watchdog.cancel(false);
        }
    }

    /** What an exception of the HTTP client means: before any answer, or while the body was read. */
    private ProviderException transportFailure(Throwable thrown) {
        Throwable cause = thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause() : thrown;
        if (cause instanceof ProviderException provider) {
            return provider;
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new ProviderException(ProviderException.Kind.UNREACHABLE, 0, "no connection within the timeout",
                    null, "", cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new ProviderException(ProviderException.Kind.TIMEOUT, 0, "no answer within the timeout", null, "",
                    cause);
        }
        boolean unreachable = cause instanceof ConnectException || cause instanceof UnresolvedAddressException
                || cause instanceof SSLException || cause.getCause() instanceof UnresolvedAddressException;
        if (unreachable || status == 0) {
            return new ProviderException(ProviderException.Kind.UNREACHABLE, 0,
                    "cannot reach the provider: " + cause.getClass().getSimpleName(), null, "", cause);
        }
        return new ProviderException(ProviderException.Kind.CUT_STREAM, status,
                "the connection dropped in the middle of the answer", null, "", cause);
    }
}
