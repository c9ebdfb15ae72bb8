package org.hotcog.economy.internal.commands;

import java.time.Duration;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.economy.internal.ledger.Coins;
import org.hotcog.economy.internal.settings.EconomySettings;
import org.hotcog.economy.internal.settings.InvalidSettingException;
import org.hotcog.economy.internal.settings.SettingsStore;
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
 * {@code /ecosettings}: shows and changes the server's economy. Manage Server only. Every change is
 * validated and stored whole, and answered with the settings as they now are.
 */
@Component
public final class EcoSettingsCommand implements SlashCommand {
    static final String GLOBAL = "global";

    private final SettingsStore settings;

    @Activate
    public EcoSettingsCommand(@Reference SettingsStore settings) {
        this.settings = settings;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("ecosettings", "Shows or changes how the economy works in this server")
                .addSubcommands(new SubcommandData("show", "Shows the economy settings"),
                        new SubcommandData("currency", "The coins' name and symbol")
                                .addOptions(text("name", "Their name, plural, like coins"),
                                        text("symbol", "Shown before amounts, like 🪙")),
                        new SubcommandData("daily", "What /daily gives and how often")
                                .addOptions(amount("amount", "Coins on the first day of a streak", 1),
                                        new OptionData(OptionType.INTEGER, "cooldown-hours",
                                                "Hours between two claims (1 to 168)", true).setRequiredRange(1, 168)),
                        new SubcommandData("streak", "The bonus for each day of an unbroken daily streak")
                                .addOptions(amount("bonus", "Coins added per day of the streak", 0),
                                        new OptionData(OptionType.INTEGER, "days", "The day the bonus stops growing",
                                                true).setRequiredRange(1, EconomySettings.MAX_STREAK_DAYS)),
                        new SubcommandData("transfer-limit", "The most one /pay may move")
                                .addOptions(amount("amount", "Coins", 1)),
                        new SubcommandData("bets", "What games take, and what they keep on average")
                                .addOptions(amount("min", "The smallest bet", 1), amount("max", "The largest bet", 1),
                                        new OptionData(OptionType.NUMBER, "house-edge",
                                                "Percent of bets the house keeps on average (0 to 25)", true)
                                                .setRequiredRange(0, 25)),
                        new SubcommandData("wallets", "Whether members have wallets of this server or shared ones")
                                .addOptions(new OptionData(OptionType.STRING, "scope", "Whose wallets", true)
                                        .addChoice("this server's own", "server")
                                        .addChoice("shared by every server that chooses so", GLOBAL)))
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER))
                .setContexts(InteractionContextType.GUILD);
    }

    private static OptionData text(String name, String description) {
        return new OptionData(OptionType.STRING, name, description, true).setMaxLength(EconomySettings.MAX_NAME_LENGTH);
    }

    private static OptionData amount(String name, String description, long min) {
        return new OptionData(OptionType.INTEGER, name, description, true).setRequiredRange(min, Coins.MAX_AMOUNT);
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        ctx.requireMemberPermissions(Permission.MANAGE_SERVER);
        long guildId = ctx.guild().getIdLong();
        EconomySettings current = settings.get(guildId);
        UnaryOperator<EconomySettings> change = switch (String.valueOf(ctx.event().getSubcommandName())) {
            case "currency" -> s -> s.withCurrency(string(ctx, "name"), string(ctx, "symbol"));
            case "daily" -> s -> s.withDaily(number(ctx, "amount"),
                    Duration.ofHours(number(ctx, "cooldown-hours")));
            case "streak" -> s -> s.withStreak(number(ctx, "bonus"), (int) number(ctx, "days"));
            case "transfer-limit" -> s -> s.withMaxTransfer(number(ctx, "amount"));
            case "bets" -> s -> s.withBets(number(ctx, "min"), number(ctx, "max"),
                    (int) Math.round(ctx.event().getOption("house-edge", OptionMapping::getAsDouble) * 100));
            case "wallets" -> s -> s.withGlobalWallets(GLOBAL.equals(string(ctx, "scope")));
            default -> UnaryOperator.identity();
        };
        EconomySettings changed = change.apply(current);
        if (!changed.equals(current)) {
            try {
                settings.save(guildId, changed);
            } catch (InvalidSettingException e) {
                throw Wallets.refusal(e);
            }
        }
        ctx.reply().sendEphemeral(new MessageCreateBuilder().addEmbeds(show(changed).build()).build());
    }

    private static String string(SlashCommandContext ctx, String option) {
        return ctx.event().getOption(option, OptionMapping::getAsString).strip();
    }

    private static long number(SlashCommandContext ctx, String option) {
        return ctx.event().getOption(option, OptionMapping::getAsLong);
    }

    private static EmbedBuilder show(EconomySettings s) {
        return new EmbedBuilder().setTitle("Economy settings")
                .addField("Currency", s.currencySymbol() + " " + s.currencyName(), true)
                .addField("Daily", s.format(s.dailyAmount()) + " every " + hours(s.dailyCooldown()), true)
                .addField("Streak", "+" + s.format(s.streakBonus()) + " a day, up to day " + s.streakDays(), true)
                .addField("Transfer limit", s.format(s.maxTransfer()), true)
                .addField("Bets", s.format(s.minBet()) + " to " + s.format(s.maxBet()) + ", house edge "
                        + String.format(Locale.ROOT, "%.2f %%", s.houseEdgeBasisPoints() / 100.0), true)
                .addField("Wallets", s.globalWallets() ? "shared with other servers" : "this server's own", true);
    }

    private static String hours(Duration cooldown) {
        long minutes = cooldown.toMinutes();
        return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
    }
}
