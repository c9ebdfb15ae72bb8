package org.hotcog.ai.internal.answer;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * Shows an answer in Discord through JDA: as the answer to a slash command (message 0 is the deferred reply,
 * follow-ups after it) or as a reply to a person's message (then more messages in the channel). Every message is
 * sent and edited with empty {@code allowed_mentions}, and a reply does not ping its author: nothing a model
 * writes can ping anyone (@everyone, a role or a user).
 */
public final class JdaAnswerTarget implements MessageTarget {

    /** No mention of any kind pings. */
    private static final EnumSet<MentionType> NO_PINGS = EnumSet.noneOf(MentionType.class);

    private final Function<MessageCreateData, RestAction<Message>> first;
    private final Function<MessageCreateData, RestAction<Message>> next;
    private final EditById edit;
    /** The ids of the messages sent, by index; an interaction's reply has none (it is "@original"). */
    private final Map<Integer, Long> ids = new ConcurrentHashMap<>();
    /** The ids of every message shown, by index, the interaction's reply included once it was written. */
    private final Map<Integer, Long> shown = new ConcurrentHashMap<>();

    @FunctionalInterface
    private interface EditById {
        RestAction<Message> edit(Long id, MessageEditData data);
    }

    private JdaAnswerTarget(Function<MessageCreateData, RestAction<Message>> first,
            Function<MessageCreateData, RestAction<Message>> next, EditById edit) {
        this.first = first;
        this.next = next;
        this.edit = edit;
    }

    /**
     * @param hook a slash command's or context menu's interaction, already deferred (message 0 exists)
     * @return the target: message 0 is the original reply, the others follow-ups
     */
    public static JdaAnswerTarget forInteraction(InteractionHook hook) {
        return new JdaAnswerTarget(hook::sendMessage, hook::sendMessage,
                (id, data) -> id == null ? hook.editOriginal(data) : hook.editMessageById(id, data));
    }

    /**
     * @param question the message the answer replies to
     * @return the target: message 0 a reply to it (not pinging its author), the others messages after it
     */
    public static JdaAnswerTarget replyingTo(Message question) {
        MessageChannel channel = question.getChannel();
        return new JdaAnswerTarget(question::reply, channel::sendMessage,
                channel::editMessageById);
    }

    @Override
    public CompletableFuture<Void> edit(int index, String content) {
        MessageEditData data = new MessageEditBuilder().setContent(content).setAllowedMentions(NO_PINGS)
                .mentionRepliedUser(false).build();
        return edit.edit(ids.get(index), data).submit().thenAccept(message -> shown.put(index, message.getIdLong()));
    }

    @Override
    public CompletableFuture<Void> send(int index, String content) {
        MessageCreateData data = new MessageCreateBuilder().setContent(content).setAllowedMentions(NO_PINGS)
                .mentionRepliedUser(false).build();
        return (index == 0 ? first : next).apply(data).submit().thenAccept(message -> {
            ids.put(index, message.getIdLong());
            shown.put(index, message.getIdLong());
        });
    }

    @Override
    public List<Long> messageIds() {
        return new TreeMap<>(shown).values().stream().toList();
    }
}
