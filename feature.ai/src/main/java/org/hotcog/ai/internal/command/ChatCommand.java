package org.hotcog.ai.internal.command;

import java.util.concurrent.TimeUnit;

import org.hotcog.ai.internal.ask.Assistant;
import org.hotcog.ai.internal.conversation.ConversationStore;
import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.api.interaction.Refusal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;

/**
 * {@code /chat [topic]}: opens a thread for a conversation with the AI; every message in it continues the
 * conversation ({@link ConversationListener}), until {@code /ai reset} forgets it.
 */
@Component
public final class ChatCommand implements SlashCommand {
    /** Discord's longest thread name. */
    static final int MAX_NAME = 100;

    private final Assistant assistant;
    private final ConversationStore conversations;

    @Activate
    public ChatCommand(@Reference Assistant assistant, @Reference ConversationStore conversations) {
        this.assistant = assistant;
        this.conversations = conversations;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("chat", "Opens a thread for a conversation with the AI")
                .addOptions(new OptionData(OptionType.STRING, "topic", "The thread's name").setMaxLength(MAX_NAME))
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void handle(SlashCommandContext ctx) throws Exception {
        if (!(ctx.event().getChannel() instanceof TextChannel channel)) {
            throw new Refusal(ctx.event().getChannel() instanceof ThreadChannel
                    ? "This is a thread already: /chat opens one from a text channel."
                    : "/chat opens a thread, which only a text channel has.");
        }
        Assistant.Place place = Places.of(ctx, channel);
        assistant.checkAccess(place);
        Assistant.Resolved resolved = assistant.resolve(place);
        ctx.requireBotPermissions(channel, Permission.CREATE_PUBLIC_THREADS, Permission.MESSAGE_SEND_IN_THREADS);
        String topic = ctx.event().getOption("topic", OptionMapping::getAsString);
        String name = topic == null || topic.isBlank() ? "AI chat with " + ctx.user().getName() : topic.strip();
        ThreadChannel thread = channel.createThreadChannel(name.length() <= MAX_NAME ? name
                : name.substring(0, MAX_NAME)).timeout(10, TimeUnit.SECONDS).complete();
        conversations.start(place.guildId(), channel.getIdLong(), thread.getIdLong(), ctx.user().getIdLong());
        thread.addThreadMember(ctx.user()).queue();
        thread.sendMessage(new MessageCreateBuilder().setAllowedMentions(java.util.EnumSet.noneOf(MentionType.class))
                .setContent("Ask away: every message in this thread continues the conversation with "
                        + resolved.model() + (resolved.persona() == null ? "" : " as " + resolved.persona())
                        + ". `/ai reset` makes it forget.").build()).queue();
        ctx.reply().send("Started a conversation with the AI in " + thread.getAsMention() + ".");
    }
}
