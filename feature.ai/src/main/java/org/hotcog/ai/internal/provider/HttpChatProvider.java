package org.hotcog.ai.internal.provider;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotcog.api.secrets.SecretBox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A provider over the JDK's {@link HttpClient}, in any of the three formats. It owns its threads: {@link #close()}
 * ends them and every call in progress, so that a stopped bundle leaves nothing running.
 */
public final class HttpChatProvider implements ChatProvider, AutoCloseable {

    /** The longest wait for a retry after a 429; a provider asking for more is reported as rate-limited at once. */
    public static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(30);
    /** A paged model list stops after this many pages. */
    private static final int MAX_MODEL_PAGES = 20;

    private final ProviderSettings settings;
    private final WireProtocol protocol;
    private final ExecutorService executor;
    private final ScheduledExecutorService scheduler;
    private final HttpClient client;
    private final ObjectMapper mapper = new ObjectMapper();
    /** The calls in progress, with the text each has streamed, so that closing can end them with what they had. */
    private final Map<CompletableFuture<Completion>, StringBuilder> inFlight = new ConcurrentHashMap<>();
    /** Set once the provider is to close as soon as its calls in progress are done. */
    private volatile boolean retired;

    /**
     * @param settings the provider's configuration
     */
    public HttpChatProvider(ProviderSettings settings) {
        this.settings = settings;
        this.protocol = switch (settings.kind()) {
            case OPENAI -> new OpenAiProtocol();
            case OLLAMA -> new OllamaProtocol();
            case GEMINI -> new GeminiProtocol();
        };
        String prefix = "ai-" + settings.name();
        this.executor = Executors.newCachedThreadPool(daemons(prefix + "-http"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemons(prefix + "-timer"));
        this.client = HttpClient.newBuilder().executor(executor).connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public ProviderSettings settings() {
        return settings;
    }

    @Override
    public CompletableFuture<Completion> chat(ChatRequest request, StreamSink sink) {
        CompletableFuture<Completion> result = new CompletableFuture<>();
        StringBuilder streamed = new StringBuilder();
        inFlight.put(result, streamed);
        result.whenComplete((completion, failure) -> {
            inFlight.remove(result);
            if (retired && inFlight.isEmpty()) {
                close();
            }
        });
        attempt(request, delta -> {
            synchronized (streamed) {
                streamed.append(delta);
            }
            sink.onText(delta);
        }, 1, result);
        return result;
    }

    private void attempt(ChatRequest request, StreamSink sink, int attempt, CompletableFuture<Completion> result) {
        HttpRequest http = protocol.chat(settings, request).timeout(settings.timeout()).build();
        new StreamRun(protocol, sink, attempt, scheduler, settings.timeout(), this::redacted).start(client, http)
                .whenComplete((completion, failure) -> {
                    if (failure == null) {
                        result.complete(completion);
                    } else if (attempt == 1 && retriable(failure)) {
                        Duration wait = ((ProviderException) failure).retryAfter();
                        try {
                            scheduler.schedule(() -> attempt(request, sink, 2, result), wait.toMillis(),
                                    TimeUnit.MILLISECONDS);
                        } catch (RejectedExecutionException closed) {
                            result.completeExceptionally(failure);
                        }
                    } else {
                        result.completeExceptionally(failure);
                    }
                });
    }

    /** A 429 before any text, with a delay the provider named (or the default) that is short enough to wait. */
    private static boolean retriable(Throwable failure) {
        return failure instanceof ProviderException provider && provider.kind() == ProviderException.Kind.RATE_LIMITED
                && !provider.cut() && provider.retryAfter() != null
                && provider.retryAfter().compareTo(MAX_RETRY_WAIT) <= 0;
    }

    @Override
    public CompletableFuture<List<String>> models() {
        return page(null, new ArrayList<>(), 1);
    }

    private CompletableFuture<List<String>> page(String token, List<String> names, int page) {
        HttpRequest request = protocol.models(settings, token).timeout(settings.timeout()).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
            if (failure != null) {
                throw new CompletionException(redacted(transportFailure(failure)));
            }
            if (response.statusCode() / 100 != 2) {
                throw new CompletionException(redacted(protocol.error(response.statusCode(), response.headers(),
                        response.body())));
            }
            try {
                JsonNode body = mapper.readTree(response.body());
                return protocol.parseModels(body == null ? mapper.missingNode() : body);
            } catch (IOException | ChunkException e) {
                throw new CompletionException(new ProviderException(ProviderException.Kind.MALFORMED_CHUNK,
                        response.statusCode(), "the model list is not what the format says", null, "", e));
            }
        }).thenCompose(result -> {
            names.addAll(result.names());
            return result.nextPageToken() != null && page < MAX_MODEL_PAGES
                    ? page(result.nextPageToken(), names, page + 1) : CompletableFuture.completedFuture(names);
        });
    }

    private static ProviderException transportFailure(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        ProviderException.Kind kind = cause instanceof java.net.http.HttpTimeoutException
                ? ProviderException.Kind.TIMEOUT : ProviderException.Kind.UNREACHABLE;
        return new ProviderException(kind, 0, "cannot list the models: " + cause.getClass().getSimpleName(), null, "",
                cause);
    }

    /** A failure whose message cannot carry the key, whatever the provider echoed back. */
    private ProviderException redacted(ProviderException failure) {
        String message = failure.getMessage();
        if (settings.apiKey().isEmpty() || message == null || !message.contains(settings.apiKey())) {
            return failure;
        }
        return new ProviderException(failure.kind(), failure.status(), SecretBox.redactIn(message, settings.apiKey()),
                failure.retryAfter(), failure.partialText(), failure.getCause());
    }

    /**
     * Closes the provider once the calls in progress are done (at once if there are none), for a provider replaced
     * by a new configuration: the answers streaming now end as they would have.
     */
    public void retire() {
        retired = true;
        if (inFlight.isEmpty()) {
            close();
        }
    }

    /** Ends every call in progress and the provider's threads. */
    @Override
    public void close() {
        retired = true;
        // a stream blocked in a read would never end by itself: each call ends now, with the text it had
        inFlight.forEach((call, streamed) -> {
            String partial;
            synchronized (streamed) {
                partial = streamed.toString();
            }
            call.completeExceptionally(new ProviderException(partial.isEmpty() ? ProviderException.Kind.UNREACHABLE
                    : ProviderException.Kind.CUT_STREAM, 0, "the provider was closed (its configuration or bundle "
                            + "changed)", null, partial, null));
        });
        scheduler.shutdownNow();
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
