package org.hotcog.emulator.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.hotcog.emulator.Choice;
import org.hotcog.emulator.InteractionResponse;
import org.hotcog.emulator.InteractionResult;
import org.hotcog.emulator.Message;
import org.hotcog.emulator.Modal;
import org.hotcog.emulator.internal.rest.RestException;
import org.hotcog.emulator.internal.rest.RestRequest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One interaction and what the bot did with it. Its own fields are guarded by its monitor, which waiting tests use
 * too; code holding it may take the state lock, never the other way round.
 */
final class InteractionState implements InteractionResult {

    static final int APPLICATION_COMMAND = 2;
    static final int MESSAGE_COMPONENT = 3;
    static final int AUTOCOMPLETE = 4;
    static final int MODAL_SUBMIT = 5;

    /** Discord's window for the first response. */
    private static final long FIRST_RESPONSE_NANOS = TimeUnit.SECONDS.toNanos(3);
    /** How long the interaction token works for follow-ups and edits. */
    private static final long TOKEN_NANOS = TimeUnit.MINUTES.toNanos(15);
    private static final TypeReference<List<Map<String, Object>>> LIST_OF_MAPS = new TypeReference<>() {
    };

    private final Emulator emulator;
    final long id;
    final String token;
    final int type;
    final UserState user;
    final ChannelState channel;
    final ObjectNode data;
    /** The message a component sits on (component interactions, modals opened from one), or null. */
    final MessageState source;
    final long createdNanos = System.nanoTime();

    private InteractionResponse response;
    private volatile long originalId;
    private MessageState original;
    private final List<MessageState> followUps = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    /** The raw modal components the bot sent, to build the submit from. */
    private ArrayNode modalComponents;
    /** For a deferred update (6): the source's edit count at the callback, to tell when the bot edited it. */
    private int editsAtResponse;

    InteractionState(Emulator emulator, long id, String token, int type, UserState user, ChannelState channel,
            ObjectNode data, MessageState source) {
        this.emulator = emulator;
        this.id = id;
        this.token = token;
        this.type = type;
        this.user = user;
        this.channel = channel;
        this.data = data;
        this.source = source;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public String token() {
        return token;
    }

    boolean tokenExpired() {
        return System.nanoTime() - createdNanos > TOKEN_NANOS;
    }

    /** Handles {@code POST interactions/{id}/{token}/callback}. */
    synchronized JsonNode callback(RestRequest request) {
        if (response != null) {
            throw new RestException(400, 40060, "Interaction has already been acknowledged.", null);
        }
        if (System.nanoTime() - createdNanos > FIRST_RESPONSE_NANOS) {
            throw new RestException(404, 10062, "Unknown interaction", null);
        }
        JsonNode body = request.body();
        int callbackType = body.path("type").asInt(-1);
        JsonNode callbackData = body.path("data");
        if (!allowed(callbackType)) {
            throw Emulator.invalidForm("type", "INTERACTION_RESPONSE_TYPE_INVALID",
                    "Interaction response type " + callbackType + " is not valid for interaction type " + type + ".");
        }
        MessageState message = null;
        List<Choice> choices = List.of();
        Modal modal = null;
        switch (callbackType) {
            case InteractionResponse.CHANNEL_MESSAGE -> {
                message = emulator.createInteractionMessage(this, callbackData, request.files(), false);
                original = message;
            }
            case InteractionResponse.DEFERRED_CHANNEL_MESSAGE -> {
                message = emulator.createInteractionMessage(this, callbackData, List.of(), true);
                original = message;
            }
            case InteractionResponse.DEFERRED_UPDATE_MESSAGE -> {
                editsAtResponse = source.editCount();
                message = source;
                original = source;
            }
            case InteractionResponse.UPDATE_MESSAGE -> {
                emulator.editMessage(source, callbackData, request.files());
                message = source;
                original = source;
            }
            case InteractionResponse.AUTOCOMPLETE_RESULT -> choices = choices(callbackData);
            case InteractionResponse.MODAL -> {
                String customId = callbackData.path("custom_id").asText("");
                String title = callbackData.path("title").asText("");
                JsonNode components = callbackData.path("components");
                if (customId.isEmpty() || customId.length() > 100 || title.isEmpty() || title.length() > 45
                        || !components.isArray() || components.isEmpty()) {
                    throw Emulator.invalidForm("data", "BASE_TYPE_REQUIRED",
                            "A modal needs custom_id (1-100), title (1-45) and components.");
                }
                modalComponents = ((ArrayNode) components).deepCopy();
                modal = new Modal(customId, title, emulator.mapper().convertValue(components, LIST_OF_MAPS));
            }
            default -> throw new IllegalStateException("unreachable: checked by allowed()");
        }
        if (original != null) {
            originalId = original.id;
        }
        response = new InteractionResponse(callbackType, message, choices, modal);
        notifyAll();
        if (!"true".equals(request.query().get("with_response"))) {
            return null;
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        ObjectNode interaction = answer.putObject("interaction");
        interaction.put("id", Long.toString(id));
        interaction.put("type", type);
        if (message != null) {
            interaction.put("response_message_id", Long.toString(message.id));
            interaction.put("response_message_loading", message.loading());
            interaction.put("response_message_ephemeral", message.ephemeral());
        }
        ObjectNode resource = answer.putObject("resource");
        resource.put("type", callbackType);
        if (message != null) {
            synchronized (emulator.lock()) {
                resource.set("message", message.json());
            }
        }
        return answer;
    }

    private boolean allowed(int callbackType) {
        return switch (callbackType) {
            case 4, 5 -> type != AUTOCOMPLETE;
            case 6, 7 -> (type == MESSAGE_COMPONENT || type == MODAL_SUBMIT) && source != null;
            case 8 -> type == AUTOCOMPLETE;
            case 9 -> type == APPLICATION_COMMAND || type == MESSAGE_COMPONENT;
            default -> false;
        };
    }

    private static List<Choice> choices(JsonNode callbackData) {
        JsonNode list = callbackData.path("choices");
        if (!list.isArray() || list.size() > 25) {
            throw Emulator.invalidForm("data.choices", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
        }
        List<Choice> choices = new ArrayList<>();
        for (JsonNode choice : list) {
            JsonNode value = choice.path("value");
            Object plain = value.isIntegralNumber() ? (Object) value.asLong()
                    : value.isNumber() ? (Object) value.asDouble() : value.asText();
            choices.add(new Choice(choice.path("name").asText(), plain));
        }
        return List.copyOf(choices);
    }

    /** The original response, for the webhook routes; 10008 Unknown Message while there is none. */
    synchronized MessageState originalOrThrow() {
        if (original == null) {
            throw new RestException(404, 10008, "Unknown Message", null);
        }
        return original;
    }

    synchronized boolean acknowledged() {
        return response != null;
    }

    synchronized void addFollowUp(MessageState message) {
        followUps.add(message);
        notifyAll();
    }

    synchronized MessageState followUp(long messageId) {
        for (MessageState message : followUps) {
            if (message.id == messageId) {
                return message;
            }
        }
        if (original != null && original.id == messageId) {
            return original;
        }
        throw new RestException(404, 10008, "Unknown Message", null);
    }

    synchronized ArrayNode modalComponents(String customId) {
        if (response == null || response.modal() == null || !response.modal().customId().equals(customId)) {
            throw new IllegalArgumentException("the bot did not open a modal '" + customId + "' for this interaction"
                    + (response == null ? " (no response yet)" : " (response type " + response.type() + ")"));
        }
        return modalComponents;
    }

    /** Wakes waiting tests after a change to a message of this interaction. */
    synchronized void signal() {
        notifyAll();
    }

    synchronized void recordError(String error) {
        errors.add(error);
        notifyAll();
    }

    /** Discord's {@code interaction_metadata} of a message answering this interaction; called under the state lock. */
    ObjectNode metadataFor(MessageState message) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", Long.toString(id));
        node.put("type", type);
        node.set("user", user.json());
        node.putObject("authorizing_integration_owners").put("0", Long.toString(channel.guild.id));
        if (type == APPLICATION_COMMAND) {
            node.put("name", data.path("name").asText());
            node.put("command_type", data.path("type").asInt(1));
        }
        long originalMessage = originalId;
        if (originalMessage != 0 && originalMessage != message.id) {
            node.put("original_response_message_id", Long.toString(originalMessage));
        }
        if (source != null) {
            node.put("interacted_message_id", Long.toString(source.id));
        }
        return node;
    }

    @Override
    public InteractionResponse awaitResponse(Duration timeout) {
        synchronized (this) {
            await(timeout, () -> response != null, "a callback");
            return response;
        }
    }

    @Override
    public Message awaitReply(Duration timeout) {
        return awaitOriginal(timeout, message -> !message.loading()
                && (response.type() != InteractionResponse.DEFERRED_UPDATE_MESSAGE
                        || message.editCount() > editsAtResponse));
    }

    @Override
    public synchronized Message awaitOriginal(Duration timeout, Predicate<Message> condition) {
        await(timeout, () -> original != null && condition.test(original), "the original response to match");
        return original;
    }

    @Override
    public synchronized List<Message> awaitFollowUps(int count, Duration timeout) {
        await(timeout, () -> followUps.size() >= count, count + " follow-up(s)");
        return List.copyOf(followUps);
    }

    private void await(Duration timeout, BooleanSupplier done, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no " + what + " for interaction " + id + " within " + timeout
                        + "; bot's callback: " + (response == null ? "none" : "type " + response.type())
                        + "; REST errors: " + errors);
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    @Override
    public synchronized Optional<InteractionResponse> response() {
        return Optional.ofNullable(response);
    }

    @Override
    public synchronized Optional<Message> original() {
        return Optional.ofNullable(original);
    }

    @Override
    public synchronized List<Message> followUps() {
        return List.copyOf(followUps);
    }

    @Override
    public synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    @Override
    public String toString() {
        return "Interaction[" + id + " type " + type + " by " + user.name() + "]";
    }
}
