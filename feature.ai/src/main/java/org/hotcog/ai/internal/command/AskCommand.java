package org.hotcog.ai.internal.command;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.hotcog.ai.internal.answer.JdaAnswerTarget;
import org.hotcog.ai.internal.ask.Assistant;
import org.hotcog.ai.internal.conversation.Turn;
import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /ask prompt [private]}: one question, answered as it is generated in the command's reply. A public answer
 * starts a conversation: a reply to it continues with the question and the answer as history.
 */
@Component
public final class AskCommand implements SlashCommand {
    static final int MAX_PROMPT = 4_000;

    private final Assistant assistant;

    @Activate
    public AskCommand(@Reference Assistant assistant) {
        this.assistant = assistant;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("ask", "Asks the AI a question")
                .addOptions(new OptionData(OptionType.STRING, "prompt", "Your question", true)
                        .setMaxLength(MAX_PROMPT),
                        new OptionData(OptionType.BOOLEAN, "private", "Only you see the answer (no by default)"))
                .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM);
    }

    @Override
    public void handle(SlashCommandContext ctx) throws Exception {
        Assistant.Place place = Places.of(ctx, ctx.event().getMessageChannel());
        String prompt = ctx.event().getOption("prompt", OptionMapping::getAsString);
        boolean hidden = Boolean.TRUE.equals(ctx.event().getOption("private", OptionMapping::getAsBoolean));
        assistant.admit(place);
        Assistant.Resolved resolved = assistant.resolve(place);
        ctx.reply().defer(hidden).get(10, TimeUnit.SECONDS);
        // the answer streams on the assistant's threads: the handler's thread is not held for a long answer
        assistant.ask(place, resolved, hidden ? Assistant.Conversation.NONE : Assistant.Conversation.NEW_CHAIN,
                Turn.user(prompt), List.of(), JdaAnswerTarget.forInteraction(ctx.event().getHook()), true)
                .whenComplete((answer, failure) -> Assistant.logFailure("to /ask in channel "
                        + place.channel().getId(), failure));
    }
}
