package org.hotcog.moderation.internal.commands;

import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.moderation.internal.cases.CaseEmbeds;
import org.hotcog.moderation.internal.cases.CaseRecorder;
import org.hotcog.moderation.internal.cases.CaseStore;
import org.hotcog.moderation.internal.cases.ModCase;
import org.hotcog.moderation.internal.checks.ModerationChecks;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;

/** {@code /case view number} and {@code /case reason number reason}, for moderators. */
@Component
public final class CaseCommand implements SlashCommand {
    static final String NUMBER = "number";

    private final ModerationChecks checks;
    private final CaseStore cases;
    private final CaseRecorder recorder;

    @Activate
    public CaseCommand(@Reference ModerationChecks checks, @Reference CaseStore cases,
            @Reference CaseRecorder recorder) {
        this.checks = checks;
        this.cases = cases;
        this.recorder = recorder;
    }

    @Override
    public SlashCommandData data() {
        OptionData number = new OptionData(OptionType.INTEGER, NUMBER, "The case number", true).setMinValue(1);
        return Commands.slash("case", "Shows or corrects a moderation case")
                .addSubcommands(new SubcommandData("view", "Shows a case").addOptions(number),
                        new SubcommandData("reason", "Replaces a case's reason, in the modlog too")
                                .addOptions(number, new OptionData(OptionType.STRING, Options.REASON, "The new reason",
                                        true).setMaxLength(Options.REASON_LENGTH)))
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        checks.requireAnyModerator(ctx);
        int number = ctx.event().getOption(NUMBER, OptionMapping::getAsInt);
        long guildId = ctx.guild().getIdLong();
        if ("reason".equals(ctx.event().getSubcommandName())) {
            String reason = Options.reason(ctx);
            if (reason == null) {
                throw new Refusal("The new reason cannot be empty.");
            }
            if (!recorder.editReason(ctx.guild(), number, reason)) {
                throw new Refusal("This server has no case #" + number + ".");
            }
            ctx.reply().sendEphemeral("The reason of case #" + number + " is now: " + reason);
            return;
        }
        ModCase found = cases.find(guildId, number)
                .orElseThrow(() -> new Refusal("This server has no case #" + number + "."));
        ctx.reply().sendEphemeral(new MessageCreateBuilder().addEmbeds(CaseEmbeds.of(found)).build());
    }
}
