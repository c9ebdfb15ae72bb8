package org.hotcog.tickets.internal.tags;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import org.hotcog.api.command.AutocompleteContext;
import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.tickets.internal.discord.Access;
import org.hotcog.tickets.internal.store.InvalidInput;
import org.hotcog.tickets.internal.tags.TagStore.Tag;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;

/** {@code /tag name} posts a saved reply in a ticket; {@code /tags add|edit|remove|list} keeps them. */
public final class TagCommands {
    static final String NAME = "name";

    private TagCommands() {
    }

    static List<Command.Choice> choices(TagStore tags, AutocompleteContext ctx) {
        if (ctx.guild() == null) {
            return List.of();
        }
        String typed = ctx.focused().getValue().toLowerCase(Locale.ROOT);
        return tags.list(ctx.guild().getIdLong()).stream()
                .filter(tag -> tag.name().toLowerCase(Locale.ROOT).contains(typed)).limit(25)
                .map(tag -> new Command.Choice(tag.name(), tag.name())).toList();
    }

    static Tag named(TagStore tags, long guildId, String name) {
        return tags.find(guildId, name).orElseThrow(() -> new Refusal("There is no tag named " + name + "."));
    }

    /** {@code /tag name}: staff of the ticket post the saved reply, with no mention that pings. */
    @Component
    public static final class Post implements SlashCommand {
        private final TagStore tags;
        private final Access access;

        @Activate
        public Post(@Reference TagStore tags, @Reference Access access) {
            this.tags = tags;
            this.access = access;
        }

        @Override
        public SlashCommandData data() {
            return Commands.slash("tag", "Posts a saved reply in this ticket (staff)")
                    .addOptions(new OptionData(OptionType.STRING, NAME, "The tag", true, true))
                    .setContexts(InteractionContextType.GUILD);
        }

        @Override
        public void handle(SlashCommandContext ctx) {
            access.asStaff(ctx, ctx.event().getChannel().getIdLong());
            Tag tag = named(tags, ctx.guild().getIdLong(), ctx.event().getOption(NAME, OptionMapping::getAsString));
            ctx.reply().send(new MessageCreateBuilder().setContent(tag.content())
                    .setAllowedMentions(EnumSet.noneOf(MentionType.class)).build());
        }

        @Override
        public List<Command.Choice> autocomplete(AutocompleteContext ctx) {
            return choices(tags, ctx);
        }
    }

    /** {@code /tags add|edit|remove|list}. */
    @Component
    public static final class Manage implements SlashCommand {
        private final TagStore tags;

        @Activate
        public Manage(@Reference TagStore tags) {
            this.tags = tags;
        }

        @Override
        public SlashCommandData data() {
            OptionData content = new OptionData(OptionType.STRING, "content", "The reply", true)
                    .setMaxLength(TagStore.MAX_CONTENT);
            return Commands.slash("tags", "Keeps the saved replies of ticket staff")
                    .addSubcommands(
                            new SubcommandData("add", "Saves a reply").addOptions(new OptionData(OptionType.STRING,
                                    NAME, "Its name", true).setMaxLength(TagStore.MAX_NAME), content),
                            new SubcommandData("edit", "Changes a reply").addOptions(
                                    new OptionData(OptionType.STRING, NAME, "The tag", true, true), content),
                            new SubcommandData("remove", "Deletes a reply").addOptions(
                                    new OptionData(OptionType.STRING, NAME, "The tag", true, true)),
                            new SubcommandData("list", "Lists the saved replies"))
                    .setContexts(InteractionContextType.GUILD)
                    .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MESSAGE_MANAGE));
        }

        @Override
        public void handle(SlashCommandContext ctx) {
            ctx.requireMemberPermissions(Permission.MESSAGE_MANAGE);
            long guildId = ctx.guild().getIdLong();
            String name = ctx.event().getOption(NAME, OptionMapping::getAsString);
            String content = ctx.event().getOption("content", OptionMapping::getAsString);
            try {
                switch (ctx.event().getSubcommandName()) {
                    case "add" -> ctx.reply().sendEphemeral("Saved the tag **" + tags.add(guildId,
                            new Tag(0, name, content)).name() + "**.");
                    case "edit" -> {
                        tags.edit(guildId, named(tags, guildId, name).id(), content);
                        ctx.reply().sendEphemeral("Changed the tag **" + name + "**.");
                    }
                    case "remove" -> {
                        tags.remove(guildId, named(tags, guildId, name).id());
                        ctx.reply().sendEphemeral("Deleted the tag **" + name + "**.");
                    }
                    default -> {
                        List<Tag> all = tags.list(guildId);
                        ctx.reply().sendEphemeral(all.isEmpty() ? "No saved replies yet; add one with /tags add."
                                : "Saved replies: " + String.join(", ", all.stream().map(Tag::name).toList()));
                    }
                }
            } catch (InvalidInput e) {
                throw new Refusal("The tag cannot be saved: " + e.problem() + ".");
            }
        }

        @Override
        public List<Command.Choice> autocomplete(AutocompleteContext ctx) {
            return choices(tags, ctx);
        }
    }
}
