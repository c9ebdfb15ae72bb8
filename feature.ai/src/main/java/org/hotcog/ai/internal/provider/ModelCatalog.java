package org.hotcog.ai.internal.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The models of each provider for autocomplete: fetched from the provider's own list, kept for a while, and
 * answered within Discord's 3 seconds: a stale list is answered at once while a fresh one is fetched, and a
 * provider that cannot list its models offers its default model.
 */
@Component(service = ModelCatalog.class)
public final class ModelCatalog {

    /** Discord shows at most 25 choices. */
    public static final int MAX_CHOICES = 25;
    /** Discord refuses a choice longer than 100 characters. */
    private static final int MAX_NAME = 100;
    /** Model lists change rarely; a new model shows within this time. */
    private static final Duration TTL = Duration.ofMinutes(10);
    /** Leaves time to answer within Discord's 3 seconds for an autocomplete. */
    private static final Duration MAX_WAIT = Duration.ofMillis(2_000);

    private final Duration ttl;
    private final Duration maxWait;
    private final Clock clock;
    private final Map<String, Listing> listings = new ConcurrentHashMap<>();

    /** A provider's list, when it was fetched, and whether a fresher one is on its way. */
    private record Listing(Instant fetchedAt, CompletableFuture<List<String>> models, boolean refreshing) {
    }

    /** The catalog of the running bot. */
    @Activate
    public ModelCatalog() {
        this(TTL, MAX_WAIT, Clock.systemUTC());
    }

    /**
     * @param ttl how long a provider's list is kept
     * @param maxWait how long a suggestion may wait for a list never fetched before
     * @param clock the time of the lists
     */
    public ModelCatalog(Duration ttl, Duration maxWait, Clock clock) {
        this.ttl = ttl;
        this.maxWait = maxWait;
        this.clock = clock;
    }

    /**
     * @param provider a provider
     * @param typed what the person typed so far
     * @return up to 25 model names: those starting with it first, then those containing it, the default model
     *     first among equals; the default model alone if the provider cannot list its models in time
     */
    public CompletableFuture<List<String>> suggest(ChatProvider provider, String typed) {
        String wanted = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        List<String> fallback = List.of(provider.settings().defaultModel());
        return models(provider).completeOnTimeout(fallback, maxWait.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(failure -> fallback).thenApply(models -> rank(provider, models, wanted));
    }

    private static List<String> rank(ChatProvider provider, List<String> models, String wanted) {
        Set<String> all = new LinkedHashSet<>();
        all.add(provider.settings().defaultModel());
        all.addAll(models);
        List<String> starting = new ArrayList<>();
        List<String> containing = new ArrayList<>();
        for (String model : all) {
            String name = model.toLowerCase(Locale.ROOT);
            if (model.isEmpty() || model.length() > MAX_NAME) {
                continue;
            }
            if (name.startsWith(wanted)) {
                starting.add(model);
            } else if (name.contains(wanted)) {
                containing.add(model);
            }
        }
        starting.addAll(containing);
        return starting.size() <= MAX_CHOICES ? starting : starting.subList(0, MAX_CHOICES);
    }

    /**
     * @param provider a provider
     * @return its models, from the kept list while it is fresh; a stale list is answered at once and refreshed
     */
    public CompletableFuture<List<String>> models(ChatProvider provider) {
        String name = provider.settings().name();
        Instant now = clock.instant();
        return listings.compute(name, (key, kept) -> {
            if (kept == null || kept.models().isCompletedExceptionally()) {
                return new Listing(now, provider.models(), false);
            }
            if (kept.refreshing() || !kept.models().isDone() || !kept.fetchedAt().plus(ttl).isBefore(now)) {
                return kept;
            }
            // stale: answered as it is while one refresh runs; a failed refresh keeps it
            provider.models().whenComplete((models, failure) -> listings.computeIfPresent(name, (k, current) ->
                    failure == null ? new Listing(clock.instant(), CompletableFuture.completedFuture(models), false)
                            : new Listing(current.fetchedAt(), current.models(), false)));
            return new Listing(kept.fetchedAt(), kept.models(), true);
        }).models();
    }

    /**
     * Forgets a provider's list (its configuration changed or it went away).
     *
     * @param providerName the provider's name
     */
    public void forget(String providerName) {
        listings.remove(providerName);
    }
}
