package org.hotcog.levels.internal.commands;

import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.levels.internal.settings.InvalidSettingException;
import org.hotcog.levels.internal.settings.LevelSettings;
import org.hotcog.levels.internal.settings.SettingsStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;

/**
 * {@code /levelsettings}: shows and changes how members level up in the server. Manage Server
 * only. Every change is validated and stored whole, and answered with the settings as they now are.
 */
@Component
public final class LevelSettingsCommand implements SlashCommand {
    static final String LEVEL = "level";

    private final SettingsStore settings;

    @Activate
    public LevelSettingsCommand(@Reference SettingsStore settings) {
        this.settings = settings;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("levelsettings", "Shows or changes how members level up in this server")
                .addSubcommands(new SubcommandData("show", "Shows the level settings"),
                        new SubcommandData("announce-channel", "Where level-ups are announced")
                                .addOptions(new OptionData(OptionType.CHANNEL, "channel",
                                        "The channel (left out: where the member wrote)", false)
                                        .setChannelTypes(ChannelType.TEXT, ChannelType.NEWS)),
                        new SubcommandData("cooldown", "How long after a message that gave XP the next ones give none")
                                .addOptions(new OptionData(OptionType.INTEGER, "seconds", "Seconds", true)
                                        .setRequiredRange(LevelSettings.MIN_COOLDOWN_SECONDS,
                                                LevelSettings.MAX_COOLDOWN_SECONDS)),
                        new SubcommandData("coin-xp", "XP for coins earned in the economy")
                                .addOptions(new OptionData(OptionType.INTEGER, "coins-per-xp", "Coins that make 1 XP",
                                        true).setRequiredRange(1, LevelSettings.MAX_COINS_PER_XP),
                                        new OptionData(OptionType.INTEGER, "max-xp",
                                                "The most XP one gain of coins gives (0: none)", true)
                                                .setRequiredRange(0, LevelSettings.MAX_COIN_XP)))
                .addSubcommandGroups(new SubcommandGroupData("reward", "Roles members get on reaching a level")
                        .addSubcommands(new SubcommandData("add", "Gives a role on reaching a level")
                                .addOptions(level(), new OptionData(OptionType.ROLE, "role", "The role", true)),
                                new SubcommandData("remove", "Gives no role on reaching a level").addOptions(level()),
                                new SubcommandData("replace", "Whether a new reward role takes the previous ones away")
                                        .addOption(OptionType.BOOLEAN, "enabled", "Replace (true) or add up (false)",
                                                true)))
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER))
                .setContexts(InteractionContextType.GUILD);
    }

    private static OptionData level() {
        return new OptionData(OptionType.INTEGER, LEVEL, "The level", true).setRequiredRange(1,
                LevelSettings.MAX_REWARD_LEVEL);
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        ctx.requireMemberPermissions(Permission.MANAGE_SERVER);
        long guildId = ctx.guild().getIdLong();
        LevelSettings current = settings.get(guildId);
        String group = ctx.event().getSubcommandGroup();
        String name = (group == null ? "" : group + " ") + ctx.event().getSubcommandName();
        UnaryOperator<LevelSettings> change = switch (name) {
            case "announce-channel" -> s -> s.withAnnounceChannel(
                    ctx.event().getOption("channel", 0L, o -> o.getAsChannel().getIdLong()));
            case "cooldown" -> s -> s.withCooldown(Duration.ofSeconds(number(ctx, "seconds")));
            case "coin-xp" -> s -> s.withCoinXp((int) number(ctx, "coins-per-xp"), (int) number(ctx, "max-xp"));
            case "reward add" -> s -> s.withReward(new LevelSettings.Reward((int) number(ctx, LEVEL),
                    rewardRole(ctx).getIdLong()));
            case "reward remove" -> s -> s.withoutReward((int) number(ctx, LEVEL));
            case "reward replace" -> s -> s.withReplaceRewards(
                    ctx.event().getOption("enabled", OptionMapping::getAsBoolean));
            default -> UnaryOperator.identity();
        };
        LevelSettings changed = change.apply(current);
        if (!changed.equals(current)) {
            try {
                settings.save(guildId, changed);
            } catch (InvalidSettingException e) {
                String problem = e.problem();
                throw new Refusal(Character.toUpperCase(problem.charAt(0)) + problem.substring(1) + ".");
            }
        }
        ctx.reply().sendEphemeral(new MessageCreateBuilder().addEmbeds(show(changed).build()).build());
    }

    /** A role the bot could ever give: not {@code @everyone}, not one an integration manages. */
    private static Role rewardRole(SlashCommandContext ctx) {
        Role role = ctx.event().getOption("role", OptionMapping::getAsRole);
        if (role.isPublicRole()) {
            throw new Refusal("Everyone has @everyone already: choose another role.");
        }
        if (role.isManaged()) {
            throw new Refusal("That role belongs to an integration; nobody can give it.");
        }
        return role;
    }

    private static long number(SlashCommandContext ctx, String option) {
        return ctx.event().getOption(option, OptionMapping::getAsLong);
    }

    private static EmbedBuilder show(LevelSettings s) {
        String rewards = s.rewards().isEmpty() ? "none"
                : s.rewards().stream().map(r -> "level " + r.level() + ": <@&" + r.roleId() + ">")
                        .collect(Collectors.joining("\n"));
        return new EmbedBuilder().setTitle("Level settings")
                .addField("Level-ups announced in",
                        s.announceChannelId() == 0 ? "the channel where the member wrote" : "<#" + s.announceChannelId()
                                + ">", true)
                .addField("Cooldown", s.cooldown().getSeconds() + " seconds", true)
                .addField("XP from coins", s.maxCoinXp() == 0 ? "off"
                        : "1 XP per " + BoardPage.number(s.coinsPerXp()) + " coins, at most " + s.maxCoinXp()
                                + " at once", true)
                .addField("Reward roles" + (s.replaceRewards() ? " (each replaces the previous)" : ""), rewards, false);
    }
}
