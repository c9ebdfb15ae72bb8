package org.hotcog.tickets.internal.open;

import java.util.List;

import org.hotcog.api.command.AutocompleteContext;
import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.tickets.internal.category.Category;
import org.hotcog.tickets.internal.category.CategoryOption;
import org.hotcog.tickets.internal.category.CategoryStore;
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

/** {@code /new [category] [topic]}: opens a ticket without a panel. */
@Component
public final class NewCommand implements SlashCommand {
    static final String CATEGORY = "category";
    static final String TOPIC = "topic";

    private final CategoryStore categories;
    private final OpenRequests requests;

    @Activate
    public NewCommand(@Reference CategoryStore categories, @Reference OpenRequests requests) {
        this.categories = categories;
        this.requests = requests;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("new", "Opens a ticket")
                .addOptions(new OptionData(OptionType.STRING, CATEGORY, "What it is about", false, true),
                        new OptionData(OptionType.STRING, TOPIC, "In a few words", false)
                                .setMaxLength(OpenRequests.MAX_TOPIC))
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        long guildId = ctx.guild().getIdLong();
        String typed = ctx.event().getOption(CATEGORY, OptionMapping::getAsString);
        String topic = ctx.event().getOption(TOPIC, "", OptionMapping::getAsString).strip();
        requests.request(ctx, category(guildId, typed).id(), topic);
    }

    /** The category picked from the suggestions (its id), typed by name, or the server's only one. */
    private Category category(long guildId, String typed) {
        if (typed == null || typed.isBlank()) {
            List<Category> all = categories.list(guildId);
            if (all.size() == 1) {
                return all.get(0);
            }
            if (all.isEmpty()) {
                throw new Refusal("This server has no ticket categories yet; an admin makes them with "
                        + "/ticketcategory create.");
            }
            throw new Refusal("Pick a category: " + String.join(", ", all.stream().map(Category::name).toList())
                    + ".");
        }
        return CategoryOption.resolve(categories, guildId, typed);
    }

    @Override
    public List<Command.Choice> autocomplete(AutocompleteContext ctx) {
        return CategoryOption.choices(categories, ctx);
    }
}
