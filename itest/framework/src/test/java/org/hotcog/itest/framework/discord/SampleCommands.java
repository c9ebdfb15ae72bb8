package org.hotcog.itest.framework.discord;

import java.util.List;
import java.util.stream.IntStream;

import org.hotcog.api.command.AutocompleteContext;
import org.hotcog.api.command.Cooldown;
import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.api.component.ComponentContext;
import org.hotcog.api.component.ComponentHandler;
import org.hotcog.api.component.CustomIdPrefix;
import org.hotcog.api.component.ModalContext;
import org.hotcog.api.component.ModalHandler;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.api.secrets.SecretBox;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * Commands written as a cog author writes them, registered by the test bundle (module {@code itest}),
 * each exercising one path of the dispatcher.
 */
final class SampleCommands {
    private SampleCommands() {
    }

    /** Options with min/max, and autocomplete. */
    @Component
    public static final class Echo implements SlashCommand {
        @Override
        public SlashCommandData data() {
            return Commands.slash("echo", "Repeats a word")
                    .addOptions(new OptionData(OptionType.STRING, "word", "What to repeat", true, true),
                            new OptionData(OptionType.INTEGER, "times", "How often", false).setRequiredRange(1, 5));
        }

        @Override
        public void handle(SlashCommandContext ctx) {
            String word = ctx.event().getOption("word", OptionMapping::getAsString);
            int times = ctx.event().getOption("times", 1, OptionMapping::getAsInt);
            ctx.reply().send(String.join(" ", java.util.Collections.nCopies(times, word)));
        }

        @Override
        public List<Command.Choice> autocomplete(AutocompleteContext ctx) {
            String typed = ctx.focused().getValue();
            return IntStream.rangeClosed(1, 3).mapToObj(i -> typed + i).map(w -> new Command.Choice(w, w)).toList();
        }
    }

    /** Slower than Discord's 3 seconds: the core must defer for it, whatever the answer's visibility. */
    @Component
    public static final class Slow implements SlashCommand {
        @Override
        public SlashCommandData data() {
            return Commands.slash("slow", "Answers after 4 seconds")
                    .addOptions(new OptionData(OptionType.STRING, "answer", "How to answer", false)
                            .addChoice("public", "public").addChoice("private", "private")
                            .addChoice("deferred privately", "deferred").addChoice("refusal", "refusal"));
        }

        @Override
        public void handle(SlashCommandContext ctx) throws InterruptedException {
            Thread.sleep(4_000);
            switch (ctx.event().getOption("answer", "public", OptionMapping::getAsString)) {
                case "private" -> {
                    ctx.reply().sendEphemeral("finally, for you");
                    ctx.reply().editOriginal(MessageEditData.fromContent("finally, for you (edited)"));
                }
                case "deferred" -> {
                    // too late to choose with the deferral itself: the core deferred publicly already
                    ctx.reply().defer(true);
                    ctx.reply().editOriginal(MessageEditData.fromContent("finally, deferred for you"));
                }
                case "refusal" -> throw new Refusal("not after all that waiting");
                default -> ctx.reply().send("finally");
            }
        }
    }

    /**
     * A bug: the user must see a short error, never the exception. Given a sealed secret, it opens it and lets it slip
     * into the exception's message, as a careless module would with an API key.
     */
    @Component
    public static final class Broken implements SlashCommand {
        @Reference
        SecretBox secrets;

        @Override
        public SlashCommandData data() {
            return Commands.slash("broken", "Always fails")
                    .addOption(OptionType.STRING, "sealed", "A sealed secret to leak", false);
        }

        @Override
        public void handle(SlashCommandContext ctx) {
            String sealed = ctx.event().getOption("sealed", OptionMapping::getAsString);
            throw new IllegalStateException("secret internal detail"
                    + (sealed == null ? "" : "; the key was " + secrets.open(sealed)));
        }
    }

    /** Bad input refused with a message, and a cooldown. */
    @Component
    @Cooldown(seconds = 60)
    public static final class Strict implements SlashCommand {
        @Override
        public SlashCommandData data() {
            return Commands.slash("strict", "Refuses odd numbers")
                    .addOption(OptionType.INTEGER, "number", "An even number", true);
        }

        @Override
        public void handle(SlashCommandContext ctx) {
            long number = ctx.event().getOption("number", OptionMapping::getAsLong);
            if (number % 2 != 0) {
                throw new Refusal(number + " is odd; give an even number.");
            }
            ctx.reply().sendEphemeral("even, thanks");
        }
    }

    /** A reply with a button, and a modal. */
    @Component
    public static final class Panel implements SlashCommand {
        @Override
        public SlashCommandData data() {
            return Commands.slash("panel", "Shows a button, or a form")
                    .addOption(OptionType.BOOLEAN, "form", "Open a form instead", false);
        }

        @Override
        public void handle(SlashCommandContext ctx) {
            if (ctx.event().getOption("form", false, OptionMapping::getAsBoolean)) {
                ctx.reply().showModal(Modal.create("itest:form:feedback", "Feedback")
                        .addComponents(Label.of("Your words", TextInput.create("words", TextInputStyle.SHORT).build()))
                        .build());
                return;
            }
            ctx.reply().send(new MessageCreateBuilder().setContent("pressed 0 times")
                    .addComponents(ActionRow.of(Button.primary("itest:press:0", "Press"))).build());
        }
    }

    /** The button: counts presses in its custom id, so the state survives restarts. */
    @Component
    @CustomIdPrefix("itest:press:")
    public static final class Press implements ComponentHandler {
        @Override
        public void handle(ComponentContext ctx) {
            int presses = Integer.parseInt(ctx.customIdSuffix()) + 1;
            ctx.updateMessage(new net.dv8tion.jda.api.utils.messages.MessageEditBuilder()
                    .setContent("pressed " + presses + " times")
                    .setComponents(ActionRow.of(Button.primary("itest:press:" + presses, "Press"))).build());
        }
    }

    /** The form. */
    @Component
    @CustomIdPrefix("itest:form:")
    public static final class Form implements ModalHandler {
        @Override
        public void handle(ModalContext ctx) {
            ctx.reply().sendEphemeral("thanks for \"" + ctx.event().getValue("words").getAsString() + "\" ("
                    + ctx.customIdSuffix() + ")");
        }
    }
}
