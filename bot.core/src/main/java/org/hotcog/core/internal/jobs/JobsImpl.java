package org.hotcog.core.internal.jobs;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.hotcog.api.jobs.Jobs;
import org.hotcog.core.internal.registry.CommandRegistry;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One module's {@link Jobs}: each bundle that asks for the service gets its own instance, which
 * checks what the module asks for and files it under the module's name; {@link #forGuild} gives a
 * copy that also files the guild.
 */
@Component(service = Jobs.class, scope = ServiceScope.BUNDLE)
public final class JobsImpl implements Jobs {
    static final Pattern KIND = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> PAYLOAD = new TypeReference<>() {
    };

    private final String module;
    private final JobStore store;
    private final JobScheduler scheduler;
    /** 0 for jobs about no guild. */
    private final long guildId;

    @Activate
    public JobsImpl(ComponentContext context, @Reference JobScheduler scheduler) {
        this(CommandRegistry.moduleOf(context.getUsingBundle()), scheduler, 0);
    }

    private JobsImpl(String module, JobScheduler scheduler, long guildId) {
        this.module = module;
        this.store = scheduler.store();
        this.scheduler = scheduler;
        this.guildId = guildId;
    }

    @Override
    public Jobs forGuild(long guildId) {
        if (guildId <= 0) {
            throw new IllegalArgumentException("a guild id is a positive Discord id, not " + guildId);
        }
        return new JobsImpl(module, scheduler, guildId);
    }

    @Override
    public void schedule(String kind, String key, Instant at, Map<String, String> data) {
        store(kind, key, at, 0, data);
    }

    @Override
    public void repeat(String kind, String key, Instant first, Duration interval, Map<String, String> data) {
        if (interval == null || interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("the interval of job " + kind + " \"" + key + "\" must be at least 1 s, not "
                    + interval);
        }
        store(kind, key, first, interval.toMillis(), data);
    }

    @Override
    public boolean cancel(String kind, String key) {
        ModuleKind type = type(kind, key);
        try {
            return store.cancel(type, key);
        } catch (SQLException e) {
            throw unreachable("cancel", type, key, e);
        }
    }

    @Override
    public Optional<Instant> due(String kind, String key) {
        ModuleKind type = type(kind, key);
        try {
            OptionalLong next = store.nextTry(type, key);
            return next.isPresent() ? Optional.of(Instant.ofEpochMilli(next.getAsLong())) : Optional.empty();
        } catch (SQLException e) {
            throw unreachable("read", type, key, e);
        }
    }

    private void store(String kind, String key, Instant at, long repeatMillis, Map<String, String> data) {
        ModuleKind type = type(kind, key);
        if (at == null) {
            throw new IllegalArgumentException("job " + type + " \"" + key + "\" needs a time");
        }
        String payload = encode(type, key, data);
        try {
            store.schedule(type, key, guildId, payload, at.toEpochMilli(), repeatMillis);
        } catch (SQLException e) {
            throw unreachable("schedule", type, key, e);
        }
        scheduler.wakeBy(at.toEpochMilli());
    }

    private ModuleKind type(String kind, String key) {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("job kind \"" + kind + "\" of module " + module
                    + " must be 1 to 64 characters: lower-case letters, digits, '.', '-' or '_'");
        }
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("the key of job " + module + "/" + kind + " must be 1 to "
                    + MAX_KEY_LENGTH + " characters");
        }
        return new ModuleKind(module, kind);
    }

    private static String encode(ModuleKind type, String key, Map<String, String> data) {
        // Sorted, so that the same payload is always stored the same way.
        Map<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, String> entry : (data == null ? Map.<String, String>of() : data).entrySet()) {
            if (entry.getKey() == null || entry.getValue() == null) {
                throw new IllegalArgumentException("the data of job " + type + " \"" + key
                        + "\" must map strings to strings, without nulls");
            }
            sorted.put(entry.getKey(), entry.getValue());
        }
        String payload;
        try {
            payload = JSON.writeValueAsString(sorted);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not encode the data of job " + type + " \"" + key + "\"", e);
        }
        if (payload.length() > MAX_DATA_LENGTH) {
            throw new IllegalArgumentException("the data of job " + type + " \"" + key + "\" takes " + payload.length()
                    + " characters stored; at most " + MAX_DATA_LENGTH + " are allowed");
        }
        return payload;
    }

    /** The payload as the handler gets it. */
    static Map<String, String> decode(String payload) {
        try {
            return JSON.readValue(payload, PAYLOAD);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored job data is not a JSON object of strings: " + e.getMessage(), e);
        }
    }

    private static IllegalStateException unreachable(String action, ModuleKind type, String key, SQLException e) {
        return new IllegalStateException("could not " + action + " job " + type + " \"" + key + "\": " + e.getMessage(),
                e);
    }
}
