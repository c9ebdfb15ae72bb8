package org.hotcog.moderation.internal.commands;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.moderation.internal.cases.CaseAction;
import org.hotcog.moderation.internal.settings.InvalidSettingException;
import org.hotcog.moderation.internal.settings.ModerationSettings;
import org.hotcog.moderation.internal.settings.SettingsStore;
import org.hotcog.moderation.internal.settings.Threshold;
import org.hotcog.moderation.internal.time.Durations;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Role;
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
 * {@code /modsettings}: shows and changes the guild's moderation settings. Manage Server only.
 * Every change is validated and stored whole, and answered with the settings as they now are.
 */
@Component
public final class ModSettingsCommand implements SlashCommand {
    static final String ENABLED = "enabled";
    static final String ROLE = "role";
    static final String CHANGE = "change";
    static final String POINTS = "points";
    static final String ACTION = "action";
    static final String NEVER = "never";
    /** The escalation choice that removes a step. */
    static final String REMOVE = "remove";

    private final SettingsStore settings;

    @Activate
    public ModSettingsCommand(@Reference SettingsStore settings) {
        this.settings = settings;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("modsettings", "Shows or changes how moderation works in this server")
                .addSubcommands(new SubcommandData("show", "Shows the moderation settings"),
                        new SubcommandData("require-reason", "Whether every action needs a reason")
                                .addOption(OptionType.BOOLEAN, ENABLED, "Require a reason", true),
                        new SubcommandData("dm-before-action", "Whether members are told by DM before they are "
                                + "warned, timed out, kicked or banned")
                                .addOption(OptionType.BOOLEAN, ENABLED, "Send the DM", true),
                        new SubcommandData("moderator-role", "Lets a role's members moderate without the permissions")
                                .addOptions(new OptionData(OptionType.STRING, CHANGE, "Add or remove the role", true)
                                        .addChoice("add", "add").addChoice(REMOVE, REMOVE),
                                        new OptionData(OptionType.ROLE, ROLE, "The role", true)),
                        new SubcommandData("escalation", "What happens when active warning points reach a number")
                                .addOptions(new OptionData(OptionType.INTEGER, POINTS, "The number of points", true)
                                        .setRequiredRange(1, ModerationSettings.MAX_POINTS),
                                        new OptionData(OptionType.STRING, ACTION, "What happens", true)
                                                .addChoice("timeout", "timeout").addChoice("kick", "kick")
                                                .addChoice("ban", "ban").addChoice("remove this step", REMOVE),
                                        new OptionData(OptionType.STRING, Options.DURATION,
                                                "For a timeout (required) or a ban: like 1h or 7d", false)
                                                .setMaxLength(32)),
                        new SubcommandData("warning-expiry", "How long a warning counts towards escalation")
                                .addOptions(new OptionData(OptionType.STRING, Options.DURATION,
                                        "Like 30d, or \"never\"", true).setMaxLength(32)))
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER))
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        ctx.requireMemberPermissions(Permission.MANAGE_SERVER);
        long guildId = ctx.guild().getIdLong();
        ModerationSettings current = settings.get(guildId);
        UnaryOperator<ModerationSettings> change = switch (String.valueOf(ctx.event().getSubcommandName())) {
            case "require-reason" -> s -> s.withRequireReason(flag(ctx));
            case "dm-before-action" -> s -> s.withDmBeforeAction(flag(ctx));
            case "moderator-role" -> moderatorRole(ctx);
            case "escalation" -> escalation(ctx);
            case "warning-expiry" -> warningExpiry(ctx);
            default -> UnaryOperator.identity();
        };
        ModerationSettings changed = change.apply(current);
        if (!changed.equals(current)) {
            try {
                settings.save(guildId, changed);
            } catch (InvalidSettingException e) {
                throw new Refusal(Replies.capitalized(e.problem()) + ".");
            }
        }
        ctx.reply().sendEphemeral(new MessageCreateBuilder().addEmbeds(show(changed).build()).build());
    }

    private static boolean flag(SlashCommandContext ctx) {
        return ctx.event().getOption(ENABLED, OptionMapping::getAsBoolean);
    }

    private static UnaryOperator<ModerationSettings> moderatorRole(SlashCommandContext ctx) {
        Role role = ctx.event().getOption(ROLE, OptionMapping::getAsRole);
        if (role.isPublicRole()) {
            throw new Refusal("@everyone cannot be a moderator role.");
        }
        boolean add = !REMOVE.equals(ctx.event().getOption(CHANGE, OptionMapping::getAsString));
        return s -> {
            Set<Long> roles = new HashSet<>(s.moderatorRoles());
            if (add) {
                roles.add(role.getIdLong());
            } else {
                roles.remove(role.getIdLong());
            }
            return s.withModeratorRoles(roles);
        };
    }

    private static UnaryOperator<ModerationSettings> escalation(SlashCommandContext ctx) {
        int points = ctx.event().getOption(POINTS, OptionMapping::getAsInt);
        String action = ctx.event().getOption(ACTION, OptionMapping::getAsString);
        if (REMOVE.equals(action)) {
            return s -> s.withThresholds(s.thresholds().stream().filter(t -> t.points() != points).toList());
        }
        Duration duration = Options.duration(ctx, Duration.ZERO, ModerationSettings.MAX_BAN);
        Threshold step = new Threshold(points, CaseAction.ofWireName(action), duration);
        return s -> {
            List<Threshold> steps = new ArrayList<>(s.thresholds().stream().filter(t -> t.points() != points).toList());
            steps.add(step);
            return s.withThresholds(steps);
        };
    }

    private static UnaryOperator<ModerationSettings> warningExpiry(SlashCommandContext ctx) {
        String text = ctx.event().getOption(Options.DURATION, OptionMapping::getAsString).strip();
        Duration expiry = NEVER.equals(text.toLowerCase(Locale.ROOT)) ? Duration.ZERO
                : Options.duration(ctx, Duration.ofMinutes(1), ModerationSettings.MAX_WARNING_EXPIRY);
        return s -> s.withWarningExpiry(expiry);
    }

    private static EmbedBuilder show(ModerationSettings s) {
        String steps = s.thresholds().isEmpty() ? "none" : s.thresholds().stream()
                .map(t -> t.points() + " points → " + t.action().wireName()
                        + (t.duration() == null ? "" : " " + Durations.format(t.duration())))
                .collect(Collectors.joining("\n"));
        String roles = s.moderatorRoles().isEmpty() ? "none"
                : s.moderatorRoles().stream().map(id -> "<@&" + id + ">").sorted().collect(Collectors.joining(" "));
        return new EmbedBuilder().setTitle("Moderation settings")
                .addField("Modlog", s.modlogChannelId() == 0 ? "off" : "<#" + s.modlogChannelId() + ">", true)
                .addField("Reason required", s.requireReason() ? "yes" : "no", true)
                .addField("DM before action", s.dmBeforeAction() ? "yes" : "no", true)
                .addField("Warnings expire", s.warningExpiry().isZero() ? NEVER
                        : "after " + Durations.format(s.warningExpiry()), true)
                .addField("Moderator roles", roles, true)
                .addField("Escalation", steps, false);
    }
}
