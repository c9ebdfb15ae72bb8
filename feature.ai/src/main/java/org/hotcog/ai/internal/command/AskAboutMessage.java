package org.hotcog.ai.internal.command;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.hotcog.ai.internal.answer.JdaAnswerTarget;
import org.hotcog.ai.internal.ask.Assistant;
import org.hotcog.ai.internal.conversation.Turn;
import org.hotcog.api.command.MessageCommand;
import org.hotcog.api.command.MessageCommandContext;
import org.hotcog.api.interaction.Refusal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;

/**
 * The message context menu "Ask AI about this message": the message (its author and text) is the question; the
 * answer starts a conversation that replies continue.
 */
@Component
public final class AskAboutMessage implements MessageCommand {
    static final String NAME = "Ask AI about this message";

    private final Assistant assistant;

    @Activate
    public AskAboutMessage(@Reference Assistant assistant) {
        this.assistant = assistant;
    }

    @Override
    public CommandData data() {
        return Commands.message(NAME).setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM);
    }

    @Override
    public void handle(MessageCommandContext ctx) throws Exception {
        Message message = ctx.event().getTarget();
        String text = message.getContentDisplay();
        if (text.isBlank()) {
            throw new Refusal("This message has no text to ask about.");
        }
        Assistant.Place place = Places.of(ctx, ctx.event().getMessageChannel());
        assistant.admit(place);
        Assistant.Resolved resolved = assistant.resolve(place);
        ctx.reply().defer(false).get(10, TimeUnit.SECONDS);
        assistant.ask(place, resolved, Assistant.Conversation.NEW_CHAIN, Turn.user(question(message, text)),
                List.of(), JdaAnswerTarget.forInteraction(ctx.event().getHook()), true)
                .whenComplete((answer, failure) -> Assistant.logFailure("about message " + message.getId(), failure));
    }

    /** The question: whose message, what it says, and what is asked of the model. */
    static String question(Message message, String text) {
        String cut = text.length() <= AskCommand.MAX_PROMPT ? text : text.substring(0, AskCommand.MAX_PROMPT) + "…";
        return "A message by " + message.getAuthor().getName() + ":\n\n" + cut
                + "\n\nExplain this message, answer it, or comment on it, whichever fits it best.";
    }
}
