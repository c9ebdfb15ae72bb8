package org.hotcog.tickets.internal.manage;

import java.util.List;

import org.hotcog.api.command.AutocompleteContext;
import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.tickets.internal.category.CategoryOption;
import org.hotcog.tickets.internal.category.CategoryStore;
import org.hotcog.tickets.internal.ticket.Priority;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /rename}, {@code /topic}, {@code /priority} and {@code /move}; the rules are in {@link TicketEdits}. */
public final class EditCommands {
    private EditCommands() {
    }

    /** {@code /rename name}. */
    @Component
    public static final class Rename implements SlashCommand {
        private final TicketEdits edits;

        @Activate
        public Rename(@Reference TicketEdits edits) {
            this.edits = edits;
        }

        @Override
        public SlashCommandData data() {
            return Commands.slash("rename", "Renames this ticket (staff)")
                    .addOptions(new OptionData(OptionType.STRING, "name", "The new name", true)
                            .setMaxLength(TicketEdits.MAX_NAME))
                    .setContexts(InteractionContextType.GUILD);
        }

        @Override
        public void handle(SlashCommandContext ctx) {
            edits.rename(ctx, ctx.event().getChannel().asGuildMessageChannel(),
                    ctx.event().getOption("name", OptionMapping::getAsString));
        }
    }

    /** {@code /topic [text]}. */
    @Component
    public static final class Topic implements SlashCommand {
        private final TicketEdits edits;

        @Activate
        public Topic(@Reference TicketEdits edits) {
            this.edits = edits;
        }

        @Override
        public SlashCommandData data() {
            return Commands.slash("topic", "Sets what this ticket is about (none if left out)")
                    .addOptions(new OptionData(OptionType.STRING, "text", "The topic", false)
                            .setMaxLength(TicketEdits.MAX_TOPIC))
                    .setContexts(InteractionContextType.GUILD);
        }

        @Override
        public void handle(SlashCommandContext ctx) {
            edits.topic(ctx, ctx.event().getChannel().asGuildMessageChannel(),
                    ctx.event().getOption("text", "", OptionMapping::getAsString));
        }
    }

    /** {@code /priority level}. */
    @Component
    public static final class PriorityCommand implements SlashCommand {
        private final TicketEdits edits;

        @Activate
        public PriorityCommand(@Reference TicketEdits edits) {
            this.edits = edits;
        }

        @Override
        public SlashCommandData data() {
            OptionData level = new OptionData(OptionType.STRING, "level", "How urgent", true);
            for (Priority priority : Priority.values()) {
                level.addChoice(priority.wireName(), priority.wireName());
            }
            return Commands.slash("priority", "Sets how urgent this ticket is (staff)").addOptions(level)
                    .setContexts(InteractionContextType.GUILD);
        }

        @Override
        public void handle(SlashCommandContext ctx) {
            edits.priority(ctx, ctx.event().getChannel().asGuildMessageChannel(),
                    Priority.of(ctx.event().getOption("level", OptionMapping::getAsString)));
        }
    }

    /** {@code /move category}. */
    @Component
    public static final class Move implements SlashCommand {
        private final TicketEdits edits;
        private final CategoryStore categories;

        @Activate
        public Move(@Reference TicketEdits edits, @Reference CategoryStore categories) {
            this.edits = edits;
            this.categories = categories;
        }

        @Override
        public SlashCommandData data() {
            return Commands.slash("move", "Moves this ticket to another category (staff)")
                    .addOptions(new OptionData(OptionType.STRING, "category", "The new category", true, true))
                    .setContexts(InteractionContextType.GUILD);
        }

        @Override
        public void handle(SlashCommandContext ctx) {
            edits.move(ctx, ctx.event().getChannel().asGuildMessageChannel(), CategoryOption.resolve(categories,
                    ctx.guild().getIdLong(), ctx.event().getOption("category", OptionMapping::getAsString)));
        }

        @Override
        public List<Command.Choice> autocomplete(AutocompleteContext ctx) {
            return CategoryOption.choices(categories, ctx);
        }
    }
}
