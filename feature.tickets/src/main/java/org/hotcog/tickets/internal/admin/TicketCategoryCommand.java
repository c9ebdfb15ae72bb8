package org.hotcog.tickets.internal.admin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotcog.api.command.AutocompleteContext;
import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.tickets.internal.category.Category;
import org.hotcog.tickets.internal.category.CategoryOption;
import org.hotcog.tickets.internal.category.CategoryStore;
import org.hotcog.tickets.internal.category.Question;
import org.hotcog.tickets.internal.store.Durations;
import org.hotcog.tickets.internal.store.InvalidInput;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
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

/**
 * {@code /ticketcategory create|edit|delete|list|question-add|question-remove}: the kinds of ticket a server
 * offers. Every value goes through the checks of {@link Category}; a bad one is refused naming the option, and
 * nothing is stored.
 */
@Component
public final class TicketCategoryCommand implements SlashCommand {
    private static final Pattern ROLE = Pattern.compile("<@&(\\d+)>|(\\d{15,20})");
    private static final Duration MAX_COOLDOWN = Duration.ofDays(30);
    private static final String CATEGORY = "category";

    private final CategoryStore categories;

    @Activate
    public TicketCategoryCommand(@Reference CategoryStore categories) {
        this.categories = categories;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("ticketcategory", "Sets up the kinds of ticket this server offers")
                .addSubcommands(
                        new SubcommandData("create", "Adds a ticket category")
                                .addOptions(new OptionData(OptionType.STRING, "name", "Its name", true)
                                        .setMaxLength(Category.MAX_NAME))
                                .addOptions(new OptionData(OptionType.STRING, "staff-roles",
                                        "The roles that handle its tickets (mention them)", true))
                                .addOptions(fieldOptions()),
                        new SubcommandData("edit", "Changes a ticket category")
                                .addOptions(categoryOption())
                                .addOptions(new OptionData(OptionType.STRING, "name", "A new name", false)
                                        .setMaxLength(Category.MAX_NAME))
                                .addOptions(new OptionData(OptionType.STRING, "staff-roles",
                                        "The roles that handle its tickets (mention them)", false))
                                .addOptions(fieldOptions()),
                        new SubcommandData("delete", "Deletes a ticket category without open tickets")
                                .addOptions(categoryOption()),
                        new SubcommandData("list", "Shows the ticket categories"),
                        new SubcommandData("question-add", "Adds a question asked before a ticket opens")
                                .addOptions(categoryOption(),
                                        new OptionData(OptionType.STRING, "question", "The question", true)
                                                .setMaxLength(Question.MAX_LABEL),
                                        new OptionData(OptionType.BOOLEAN, "long", "A paragraph answer", false),
                                        new OptionData(OptionType.BOOLEAN, "required", "Must be answered "
                                                + "(yes if left out)", false),
                                        new OptionData(OptionType.INTEGER, "min-length", "Fewest characters", false)
                                                .setRequiredRange(0, Question.MAX_LENGTH),
                                        new OptionData(OptionType.INTEGER, "max-length", "Most characters", false)
                                                .setRequiredRange(1, Question.MAX_LENGTH),
                                        new OptionData(OptionType.STRING, "placeholder", "A hint in the input", false)
                                                .setMaxLength(Question.MAX_PLACEHOLDER)),
                        new SubcommandData("question-remove", "Removes a question")
                                .addOptions(categoryOption(), new OptionData(OptionType.INTEGER, "number",
                                        "The question's number in the list", true).setRequiredRange(1,
                                                Category.MAX_QUESTIONS)))
                .setContexts(InteractionContextType.GUILD)
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER));
    }

    private static OptionData categoryOption() {
        return new OptionData(OptionType.STRING, CATEGORY, "The ticket category", true, true);
    }

    private static List<OptionData> fieldOptions() {
        return List.of(
                new OptionData(OptionType.STRING, "emoji", "Shown on panels", false).setMaxLength(64),
                new OptionData(OptionType.STRING, "description", "One line for panels", false).setMaxLength(100),
                new OptionData(OptionType.CHANNEL, "discord-category", "The Discord category for its channels",
                        false).setChannelTypes(ChannelType.CATEGORY),
                new OptionData(OptionType.CHANNEL, "fallback-category", "Used while the first holds 50 channels",
                        false).setChannelTypes(ChannelType.CATEGORY),
                new OptionData(OptionType.STRING, "channel-name", "Like ticket-{num} or {username}-{num}", false)
                        .setMaxLength(90),
                new OptionData(OptionType.STRING, "opening-message", "The first message of a ticket", false)
                        .setMaxLength(2000),
                new OptionData(OptionType.STRING, "ping-roles", "Roles mentioned when a ticket opens", false),
                new OptionData(OptionType.STRING, "required-roles", "Roles one of which a member needs to open one",
                        false),
                new OptionData(OptionType.INTEGER, "member-limit", "Open tickets per member (0: no limit)", false)
                        .setRequiredRange(0, 50),
                new OptionData(OptionType.INTEGER, "total-limit", "Open tickets in all (0: no limit)", false)
                        .setRequiredRange(0, 10_000),
                new OptionData(OptionType.STRING, "cooldown", "Wait between two tickets of a member, like 10m",
                        false).setMaxLength(16),
                new OptionData(OptionType.CHANNEL, "thread-channel",
                        "Private threads in this channel instead of channels", false).setChannelTypes(ChannelType.TEXT),
                new OptionData(OptionType.BOOLEAN, "private-thread", "Private threads instead of channels", false));
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        ctx.requireMemberPermissions(Permission.MANAGE_SERVER);
        SlashCommandInteractionEvent event = ctx.event();
        long guildId = ctx.guild().getIdLong();
        try {
            switch (event.getSubcommandName()) {
                case "create" -> {
                    Category created = categories.create(guildId, fromOptions(ctx.guild(), event, null));
                    ctx.reply().sendEphemeral("Ticket category " + created.label() + " created. Post a panel "
                            + "with /ticketpanel, or members open one with /new.");
                }
                case "edit" -> {
                    Category current = named(guildId, event);
                    categories.update(guildId, current.id(), fromOptions(ctx.guild(), event, current));
                    ctx.reply().sendEphemeral("Ticket category " + current.name() + " changed.");
                }
                case "delete" -> {
                    Category current = named(guildId, event);
                    categories.delete(guildId, current.id());
                    ctx.reply().sendEphemeral("Ticket category " + current.name() + " deleted. Panels that "
                            + "offered it tell members it no longer exists; post them again.");
                }
                case "list" -> ctx.reply().sendEphemeral(list(guildId));
                case "question-add" -> addQuestion(ctx, guildId);
                case "question-remove" -> removeQuestion(ctx, guildId);
                default -> throw new Refusal("Unknown sub-command.");
            }
        } catch (InvalidInput e) {
            throw new Refusal("The category cannot be saved: " + e.getMessage() + ".");
        }
    }

    private Category named(long guildId, SlashCommandInteractionEvent event) {
        return CategoryOption.resolve(categories, guildId, event.getOption(CATEGORY, OptionMapping::getAsString));
    }

    /** A category from the options, each left-out option keeping {@code base}'s value (or the default). */
    private static Category fromOptions(Guild guild, SlashCommandInteractionEvent event, Category base) {
        boolean privateThread = option(event, "private-thread", OptionMapping::getAsBoolean,
                base != null && base.privateThread());
        long threadChannel = option(event, "thread-channel", OptionMapping::getAsLong,
                base == null ? 0L : base.threadChannelId());
        if (event.getOption("thread-channel") != null && event.getOption("private-thread") == null) {
            privateThread = true;
        }
        return new Category(base == null ? 0 : base.id(), guild.getIdLong(),
                option(event, "name", OptionMapping::getAsString, base == null ? null : base.name()),
                option(event, "emoji", OptionMapping::getAsString, base == null ? "" : base.emoji()),
                option(event, "description", OptionMapping::getAsString, base == null ? "" : base.description()),
                roles(guild, event, "staff-roles", base == null ? List.of() : base.staffRoles()),
                roles(guild, event, "ping-roles", base == null ? List.of() : base.pingRoles()),
                roles(guild, event, "required-roles", base == null ? List.of() : base.requiredRoles()),
                option(event, "discord-category", OptionMapping::getAsLong,
                        base == null ? 0L : base.discordCategoryId()),
                option(event, "fallback-category", OptionMapping::getAsLong,
                        base == null ? 0L : base.fallbackCategoryId()),
                option(event, "channel-name", OptionMapping::getAsString,
                        base == null ? Category.DEFAULT_CHANNEL_NAME : base.channelName()),
                option(event, "opening-message", OptionMapping::getAsString,
                        base == null ? Category.DEFAULT_OPENING_MESSAGE : base.openingMessage()),
                option(event, "member-limit", OptionMapping::getAsInt, base == null ? 1 : base.memberLimit()),
                option(event, "total-limit", OptionMapping::getAsInt, base == null ? 0 : base.totalLimit()),
                event.getOption("cooldown") == null ? (base == null ? Duration.ZERO : base.cooldown())
                        : Durations.parse("cooldown", event.getOption("cooldown").getAsString(), MAX_COOLDOWN),
                privateThread, threadChannel, base == null ? List.of() : base.questions());
    }

    private static <T> T option(SlashCommandInteractionEvent event, String name, Function<OptionMapping, T> read,
            T otherwise) {
        OptionMapping mapping = event.getOption(name);
        return mapping == null ? otherwise : read.apply(mapping);
    }

    /** Roles typed as mentions or ids, each a role of the server; "none" for no roles. */
    private static List<Long> roles(Guild guild, SlashCommandInteractionEvent event, String name, List<Long> otherwise) {
        OptionMapping mapping = event.getOption(name);
        if (mapping == null) {
            return otherwise;
        }
        if (mapping.getAsString().strip().equalsIgnoreCase("none")) {
            return List.of();
        }
        List<Long> roles = new ArrayList<>();
        Matcher matcher = ROLE.matcher(mapping.getAsString());
        while (matcher.find()) {
            long id = Long.parseLong(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
            if (guild.getRoleById(id) == null || guild.getPublicRole().getIdLong() == id) {
                throw new InvalidInput(name, "<@&" + id + "> is not a role of this server one can pick");
            }
            roles.add(id);
        }
        if (roles.isEmpty()) {
            throw new InvalidInput(name, "mention the roles, like @Support @Moderators, or write none");
        }
        return roles;
    }

    private void addQuestion(SlashCommandContext ctx, long guildId) {
        SlashCommandInteractionEvent event = ctx.event();
        Category category = named(guildId, event);
        if (category.questions().size() >= Category.MAX_QUESTIONS) {
            throw new Refusal(category.name() + " has " + Category.MAX_QUESTIONS
                    + " questions, the most a Discord form holds.");
        }
        int max = option(event, "max-length", OptionMapping::getAsInt, option(event, "long",
                OptionMapping::getAsBoolean, false) ? 1000 : 200);
        Question question = new Question(event.getOption("question").getAsString(),
                option(event, "long", OptionMapping::getAsBoolean, false),
                option(event, "placeholder", OptionMapping::getAsString, ""),
                option(event, "min-length", OptionMapping::getAsInt, 0), max,
                option(event, "required", OptionMapping::getAsBoolean, true));
        List<Question> questions = new ArrayList<>(category.questions());
        questions.add(question);
        categories.update(guildId, category.id(), withQuestions(category, questions));
        ctx.reply().sendEphemeral("Question " + questions.size() + " of " + category.name() + ": "
                + question.label());
    }

    private void removeQuestion(SlashCommandContext ctx, long guildId) {
        Category category = named(guildId, ctx.event());
        int number = ctx.event().getOption("number", OptionMapping::getAsInt);
        if (number > category.questions().size()) {
            throw new Refusal(category.name() + " has " + category.questions().size() + " questions.");
        }
        List<Question> questions = new ArrayList<>(category.questions());
        Question removed = questions.remove(number - 1);
        categories.update(guildId, category.id(), withQuestions(category, questions));
        ctx.reply().sendEphemeral("Removed the question \"" + removed.label() + "\" of " + category.name() + ".");
    }

    private static Category withQuestions(Category c, List<Question> questions) {
        return new Category(c.id(), c.guildId(), c.name(), c.emoji(), c.description(), c.staffRoles(), c.pingRoles(),
                c.requiredRoles(), c.discordCategoryId(), c.fallbackCategoryId(), c.channelName(),
                c.openingMessage(), c.memberLimit(), c.totalLimit(), c.cooldown(), c.privateThread(),
                c.threadChannelId(), questions);
    }

    private net.dv8tion.jda.api.utils.messages.MessageCreateData list(long guildId) {
        List<Category> all = categories.list(guildId);
        if (all.isEmpty()) {
            return new MessageCreateBuilder().setContent("No ticket categories yet; add one with "
                    + "/ticketcategory create.").build();
        }
        EmbedBuilder embed = new EmbedBuilder().setTitle("Ticket categories");
        for (Category c : all) {
            StringBuilder text = new StringBuilder();
            text.append("Staff: ").append(mentions(c.staffRoles()));
            text.append(c.privateThread() ? "\nPrivate threads in <#" + c.threadChannelId() + ">"
                    : c.discordCategoryId() == 0 ? "\nChannels outside categories"
                            : "\nChannels in <#" + c.discordCategoryId() + ">");
            text.append("\nLimits: ").append(c.memberLimit() == 0 ? "none" : c.memberLimit() + " per member")
                    .append(c.totalLimit() == 0 ? "" : ", " + c.totalLimit() + " in all")
                    .append(c.cooldown().isZero() ? "" : ", cooldown " + Durations.describe(c.cooldown()));
            for (int i = 0; i < c.questions().size(); i++) {
                text.append("\n").append(i + 1).append(". ").append(c.questions().get(i).label());
            }
            embed.addField(c.label(), text.toString(), false);
        }
        return new MessageCreateBuilder().setEmbeds(embed.build()).build();
    }

    private static String mentions(List<Long> roles) {
        return roles.isEmpty() ? "none" : String.join(" ", roles.stream().map(id -> "<@&" + id + ">").toList());
    }

    @Override
    public List<Command.Choice> autocomplete(AutocompleteContext ctx) {
        return CategoryOption.choices(categories, ctx);
    }
}
