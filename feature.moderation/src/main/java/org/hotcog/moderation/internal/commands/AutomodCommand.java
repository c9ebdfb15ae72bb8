package org.hotcog.moderation.internal.commands;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.moderation.internal.automod.AutomodAction;
import org.hotcog.moderation.internal.automod.AutomodRule;
import org.hotcog.moderation.internal.automod.AutomodSettings;
import org.hotcog.moderation.internal.automod.AutomodStore;
import org.hotcog.moderation.internal.automod.RuleSetting;
import org.hotcog.moderation.internal.settings.InvalidSettingException;
import org.hotcog.moderation.internal.settings.ModerationSettings;
import org.hotcog.moderation.internal.time.Durations;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;

/**
 * {@code /automod}: shows and changes the guild's automod: each rule on or off with its action,
 * the spam, mention and raid limits, blocked words and patterns, allowed invites, and how long the
 * automod's timeouts and the raid guard's strict mode last. Manage Server only. Every change is
 * validated and stored whole, and answered with the automod as it now is.
 */
@Component
public final class AutomodCommand implements SlashCommand {
    static final String RULE = "rule";
    static final String ENABLED = "enabled";
    static final String ACTION = "action";
    static final String CHANGE = "change";
    static final String ADD = "add";
    static final String REMOVE = "remove";
    static final String LIMIT = "limit";
    static final String SECONDS = "seconds";
    static final String TERM = "term";
    static final String STRICT_FOR = "strict-for";

    private final AutomodStore store;

    @Activate
    public AutomodCommand(@Reference AutomodStore store) {
        this.store = store;
    }

    @Override
    public SlashCommandData data() {
        OptionData rule = new OptionData(OptionType.STRING, RULE, "The rule", true);
        for (AutomodRule r : AutomodRule.values()) {
            rule.addChoice(r.wireName(), r.wireName());
        }
        OptionData action = new OptionData(OptionType.STRING, ACTION,
                "What breaking it does: delete the message, and warn or time out too", false);
        for (AutomodAction a : AutomodAction.values()) {
            action.addChoice(a.wireName(), a.wireName());
        }
        return Commands.slash("automod", "Shows or changes what the bot removes and punishes by itself")
                .addSubcommands(new SubcommandData("show", "Shows the automod's rules and lists"),
                        new SubcommandData("rule", "Turns a rule on or off, and sets what it does")
                                .addOptions(rule, new OptionData(OptionType.BOOLEAN, ENABLED, "On or off", true),
                                        action),
                        new SubcommandData("spam", "How many messages in how many seconds is spam")
                                .addOptions(new OptionData(OptionType.INTEGER, LIMIT, "Messages (2 to 50)", true)
                                                .setRequiredRange(2, 50),
                                        new OptionData(OptionType.INTEGER, SECONDS, "Seconds (1 to 120)", true)
                                                .setRequiredRange(1, 120)),
                        new SubcommandData("mentions", "How many mentions in one message are too many")
                                .addOptions(new OptionData(OptionType.INTEGER, LIMIT, "Mentions (1 to 50)", true)
                                        .setRequiredRange(1, 50)),
                        termList("words", "Blocked words (whole words, any case)", "The word"),
                        termList("patterns", "Blocked patterns (regular expressions, any case)",
                                "The regular expression"),
                        termList("invites", "Invite codes that may be posted, as in discord.gg/CODE", "The code"),
                        new SubcommandData("raid", "How many joins in how many seconds is a raid, and how long "
                                + "strict mode lasts")
                                .addOptions(new OptionData(OptionType.INTEGER, LIMIT, "Joins (2 to 100)", true)
                                                .setRequiredRange(2, 100),
                                        new OptionData(OptionType.INTEGER, SECONDS, "Seconds (1 to 300)", true)
                                                .setRequiredRange(1, 300),
                                        new OptionData(OptionType.STRING, STRICT_FOR,
                                                "How long strict mode lasts, like 10m or 1h (at most 1d)", false)
                                                .setMaxLength(32)),
                        new SubcommandData("timeout", "How long the automod's timeouts last")
                                .addOptions(new OptionData(OptionType.STRING, Options.DURATION,
                                        "Like 10m or 1h (at most 28d)", true).setMaxLength(32)))
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER))
                .setContexts(InteractionContextType.GUILD);
    }

    private static SubcommandData termList(String name, String description, String termDescription) {
        return new SubcommandData(name, description).addOptions(
                new OptionData(OptionType.STRING, CHANGE, "Add or remove it", true).addChoice(ADD, ADD)
                        .addChoice(REMOVE, REMOVE),
                new OptionData(OptionType.STRING, TERM, termDescription, true)
                        .setMaxLength(AutomodSettings.MAX_PATTERN_LENGTH));
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        ctx.requireMemberPermissions(Permission.MANAGE_SERVER);
        long guildId = ctx.guild().getIdLong();
        AutomodSettings current = store.get(guildId);
        UnaryOperator<AutomodSettings> change = switch (String.valueOf(ctx.event().getSubcommandName())) {
            case "rule" -> rule(ctx);
            case "spam" -> limits(ctx, AutomodRule.SPAM);
            case "mentions" -> limits(ctx, AutomodRule.MENTIONS);
            case "raid" -> raid(ctx);
            case "words" -> terms(ctx, AutomodSettings::blockedWords, AutomodSettings::withBlockedWords);
            case "patterns" -> terms(ctx, AutomodSettings::blockedPatterns, AutomodSettings::withBlockedPatterns);
            case "invites" -> terms(ctx, AutomodSettings::allowedInvites, AutomodSettings::withAllowedInvites);
            case "timeout" -> {
                Duration length = Options.duration(ctx, Duration.ofMinutes(1), ModerationSettings.MAX_TIMEOUT);
                yield s -> s.withTimeout(length);
            }
            default -> UnaryOperator.identity();
        };
        AutomodSettings changed = change.apply(current);
        if (!changed.equals(current)) {
            try {
                store.save(guildId, changed);
            } catch (InvalidSettingException e) {
                throw new Refusal(Replies.capitalized(e.problem()) + ".");
            }
        }
        ctx.reply().sendEphemeral(new MessageCreateBuilder().addEmbeds(show(changed).build()).build());
    }

    private static UnaryOperator<AutomodSettings> rule(SlashCommandContext ctx) {
        AutomodRule rule = AutomodRule.ofWireName(ctx.event().getOption(RULE, OptionMapping::getAsString));
        if (rule == null) {
            throw new Refusal("There is no such rule: use one of the choices.");
        }
        boolean enabled = ctx.event().getOption(ENABLED, OptionMapping::getAsBoolean);
        String actionName = ctx.event().getOption(ACTION, OptionMapping::getAsString);
        AutomodAction action = actionName == null ? null : AutomodAction.ofWireName(actionName);
        if (actionName != null && action == null) {
            throw new Refusal("There is no such action: use delete, warn or timeout.");
        }
        return s -> {
            RuleSetting setting = s.rule(rule).withEnabled(enabled);
            return s.withRule(rule, action == null ? setting : setting.withAction(action));
        };
    }

    private static UnaryOperator<AutomodSettings> limits(SlashCommandContext ctx, AutomodRule rule) {
        int limit = ctx.event().getOption(LIMIT, OptionMapping::getAsInt);
        return s -> s.withRule(rule, s.rule(rule).withLimit(limit,
                ctx.event().getOption(SECONDS, s.rule(rule).windowSeconds(), OptionMapping::getAsInt)));
    }

    private static UnaryOperator<AutomodSettings> raid(SlashCommandContext ctx) {
        UnaryOperator<AutomodSettings> limits = limits(ctx, AutomodRule.RAID);
        String strictFor = ctx.event().getOption(STRICT_FOR, OptionMapping::getAsString);
        if (strictFor == null) {
            return limits;
        }
        Duration length;
        try {
            length = Durations.parse(strictFor, Duration.ofMinutes(1), AutomodSettings.MAX_STRICT);
        } catch (IllegalArgumentException e) {
            throw new Refusal(e.getMessage());
        }
        return s -> limits.apply(s).withStrictFor(length);
    }

    private static UnaryOperator<AutomodSettings> terms(SlashCommandContext ctx,
            Function<AutomodSettings, List<String>> list,
            BiFunction<AutomodSettings, List<String>, AutomodSettings> with) {
        String term = ctx.event().getOption(TERM, OptionMapping::getAsString).strip();
        boolean add = ADD.equals(ctx.event().getOption(CHANGE, OptionMapping::getAsString));
        if ("patterns".equals(ctx.event().getSubcommandName()) && add) {
            try {
                AutomodSettings.checkPattern(term);
            } catch (InvalidSettingException e) {
                throw new Refusal(Replies.capitalized(e.problem()) + ".");
            }
        }
        return s -> {
            List<String> terms = new ArrayList<>(list.apply(s));
            if (add) {
                terms.add(term);
            } else if (!terms.removeIf(t -> t.equalsIgnoreCase(term))) {
                throw new Refusal("\"" + term + "\" is not on the list.");
            }
            return with.apply(s, terms);
        };
    }

    private static EmbedBuilder show(AutomodSettings s) {
        EmbedBuilder embed = new EmbedBuilder().setTitle("Automod");
        for (AutomodRule rule : AutomodRule.values()) {
            RuleSetting r = s.rule(rule);
            String limits = switch (rule) {
                case SPAM -> r.limit() + " messages in " + r.windowSeconds() + "s";
                case MENTIONS -> r.limit() + " mentions in a message";
                case RAID -> r.limit() + " joins in " + r.windowSeconds() + "s; strict mode for "
                        + Durations.format(s.strictFor());
                case WORDS -> s.blockedWords().size() + " words, " + s.blockedPatterns().size() + " patterns";
                case INVITES -> s.allowedInvites().size() + " invites allowed";
            };
            String what = rule == AutomodRule.RAID ? "" : ", " + r.action().wireName()
                    + (r.action() == AutomodAction.TIMEOUT ? " " + Durations.format(s.timeout()) : "");
            embed.addField(rule.wireName(), (r.enabled() ? "on" : "off") + what + "\n" + limits, true);
        }
        embed.addField("Blocked words", list(s.blockedWords()), false)
                .addField("Blocked patterns", list(s.blockedPatterns().stream().map(p -> "`" + p + "`").toList()), false)
                .addField("Allowed invites", list(s.allowedInvites()), false);
        return embed;
    }

    /** Items one after the other, within an embed field's 1024 characters. */
    private static String list(List<String> items) {
        if (items.isEmpty()) {
            return "none";
        }
        String text = String.join(", ", items);
        return text.length() <= 1024 ? text : text.substring(0, 1020) + " …";
    }
}
