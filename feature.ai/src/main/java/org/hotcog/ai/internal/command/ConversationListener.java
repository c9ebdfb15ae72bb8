package org.hotcog.ai.internal.command;

import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.hotcog.ai.internal.answer.JdaAnswerTarget;
import org.hotcog.ai.internal.ask.Assistant;
import org.hotcog.ai.internal.conversation.ConversationStore;
import org.hotcog.ai.internal.conversation.Role;
import org.hotcog.ai.internal.conversation.Turn;
import org.hotcog.api.gateway.GatewayIntents;
import org.hotcog.api.gateway.PeopleOnly;
import org.hotcog.api.interaction.Refusal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.entities.MessageReference;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;

/**
 * Conversations outside commands: every message in a {@code /chat} thread continues its conversation; a reply to
 * any message of a conversation (a question or an answer) continues that one, so the reply chain is the history;
 * a message that mentions the bot starts a new one (and so does any message in a direct message, where those are
 * allowed). Images attached to the message go to the model with its text ({@link AttachedImages}). Answers reply to
 * the message, never pinging its author.
 */
@Component(service = EventListener.class)
@GatewayIntents({GatewayIntent.GUILD_MESSAGES, GatewayIntent.MESSAGE_CONTENT, GatewayIntent.DIRECT_MESSAGES})
@PeopleOnly
public final class ConversationListener extends ListenerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ConversationListener.class);

    private final Assistant assistant;
    private final ConversationStore conversations;
    private final AttachedImages attached = new AttachedImages();

    @Activate
    public ConversationListener(@Reference Assistant assistant, @Reference ConversationStore conversations) {
        this.assistant = assistant;
        this.conversations = conversations;
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        Message message = event.getMessage();
        if (message.getType().isSystem()) {
            return;
        }
        try {
            Optional<Assistant.Conversation> conversation = conversationOf(event);
            if (conversation.isEmpty()) {
                return;
            }
            String text = withoutBotMention(message.getContentRaw(), event.getJDA().getSelfUser().getIdLong());
            if (text.isEmpty() && message.getAttachments().isEmpty()) {
                return;
            }
            Assistant.Place place = new Assistant.Place(event.isFromGuild() ? event.getGuild() : null,
                    event.getMember(), event.getAuthor(), event.getChannel());
            Assistant.Resolved resolved;
            try {
                assistant.admit(place);
                resolved = assistant.resolve(place);
            } catch (Refusal refusal) {
                reply(message, refusal.getMessage());
                return;
            }
            AttachedImages.Fetched images = attached.fetch(message.getAttachments().stream()
                    .map(file -> new AttachedImages.Source(file.getUrl(), file.getContentType(), file.getSize()))
                    .toList(), assistant.config().maxImageBytes());
            if (!images.leftOut().isEmpty()) {
                reply(message, "-# Not passed to the AI: " + String.join(", ", images.leftOut()) + ".");
            }
            if (text.isEmpty() && images.images().isEmpty()) {
                return;
            }
            assistant.ask(place, resolved, conversation.get(), new Turn(Role.USER, text, images.images()),
                    List.of(message.getIdLong()),
                    JdaAnswerTarget.replyingTo(message), false)
                    .whenComplete((answer, failure) -> Assistant.logFailure("to message " + message.getId(),
                            failure));
        } catch (SQLException e) {
            LOG.error("Cannot find the AI conversation of message {}", message.getId(), e);
        }
    }

    /** A short reply that pings no one. */
    private static void reply(Message message, String text) {
        message.reply(new MessageCreateBuilder().setContent(text).setAllowedMentions(EnumSet.noneOf(MentionType.class))
                .mentionRepliedUser(false).build()).queue();
    }

    /** The conversation the message continues or starts, if it is one for the AI. */
    private Optional<Assistant.Conversation> conversationOf(MessageReceivedEvent event) throws SQLException {
        Message message = event.getMessage();
        if (!event.isFromGuild() && !assistant.config().directMessages()) {
            // direct messages are off: nothing the bot is sent there is for it
            return Optional.empty();
        }
        if (event.getChannel() instanceof ThreadChannel thread) {
            Optional<Long> chat = conversations.ofThread(thread.getIdLong());
            if (chat.isPresent()) {
                return chat.map(Assistant.Conversation::of);
            }
        }
        MessageReference reference = message.getMessageReference();
        if (reference != null) {
            Optional<Long> chain = conversations.ofMessage(reference.getMessageIdLong());
            if (chain.isPresent()) {
                return chain.map(Assistant.Conversation::of);
            }
        }
        boolean mentioned = message.getMentions().isMentioned(event.getJDA().getSelfUser(), MentionType.USER);
        return mentioned || !event.isFromGuild() ? Optional.of(Assistant.Conversation.NEW_CHAIN) : Optional.empty();
    }

    /** The text without the mentions of the bot that addressed it. */
    static String withoutBotMention(String raw, long botId) {
        return raw.replaceAll("<@!?" + Pattern.quote(Long.toString(botId)) + ">", " ").strip();
    }
}
