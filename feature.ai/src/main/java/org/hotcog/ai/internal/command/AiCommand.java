package org.hotcog.ai.internal.command;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.hotcog.ai.internal.ask.Assistant;
import org.hotcog.ai.internal.conversation.ConversationStore;
import org.hotcog.ai.internal.provider.ChatProvider;
import org.hotcog.ai.internal.provider.ModelCatalog;
import org.hotcog.ai.internal.provider.ProviderRegistry;
import org.hotcog.ai.internal.settings.AiSettingsStore;
import org.hotcog.ai.internal.usage.QuotaLimits;
import org.hotcog.ai.internal.usage.UsageStore;
import org.hotcog.api.command.AutocompleteContext;
import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.api.interaction.Refusal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.ISnowflake;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /ai reset | persona | persona-define | persona-remove | model | usage}: forgetting a {@code /chat}
 * thread's conversation, choosing the persona and the model of the server or of a channel (Manage Server, or Manage
 * Channels for a channel), keeping the server's personas (Manage Server), and the AI use of a member or the server.
 */
@Component
public final class AiCommand implements SlashCommand {
    static final String NONE = "none";
    private static final String SCOPE = "scope";
    private static final String CHANNEL = "channel";

    private final Assistant assistant;
    private final ConversationStore conversations;
    private final AiSettingsStore settings;
    private final ProviderRegistry providers;
    private final ModelCatalog catalog;
    private final UsageStore usage;

    @Activate
    public AiCommand(@Reference Assistant assistant, @Reference ConversationStore conversations,
            @Reference AiSettingsStore settings, @Reference ProviderRegistry providers,
            @Reference ModelCatalog catalog, @Reference UsageStore usage) {
        this.assistant = assistant;
        this.conversations = conversations;
        this.settings = settings;
        this.providers = providers;
        this.catalog = catalog;
        this.usage = usage;
    }

    @Override
    public SlashCommandData data() {
        OptionData scope = new OptionData(OptionType.STRING, SCOPE, "For the whole server (default) or this channel")
                .addChoice("server", "server").addChoice("this channel", CHANNEL);
        return Commands.slash("ai", "The AI assistant of this server")
                .addSubcommands(
                        new SubcommandData("reset", "Makes the AI forget the conversation of this /chat thread"),
                        new SubcommandData("persona", "Chooses the AI's persona (its instructions)").addOptions(
                                new OptionData(OptionType.STRING, "name", "A persona of this server, or none", true,
                                        true), scope),
                        new SubcommandData("persona-define", "Defines or changes a persona of this server")
                                .addOptions(new OptionData(OptionType.STRING, "name", "a-z, 0-9, - and _", true)
                                        .setMaxLength(32), new OptionData(OptionType.STRING, "prompt",
                                                "What the AI is told to be and do", true).setMaxLength(4_000)),
                        new SubcommandData("persona-remove", "Removes a persona of this server").addOptions(
                                new OptionData(OptionType.STRING, "name", "The persona", true, true)),
                        new SubcommandData("model", "Chooses the AI provider and model").addOptions(
                                new OptionData(OptionType.STRING, "model", "The model", true, true),
                                new OptionData(OptionType.STRING, "provider", "The provider (default: the one "
                                        + "chosen now)", false, true), scope),
                        new SubcommandData("usage", "Shows AI use and limits").addOptions(
                                new OptionData(OptionType.USER, "member", "Another member (Manage Server)"),
                                new OptionData(OptionType.BOOLEAN, "server", "The whole server (Manage Server)")))
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void handle(SlashCommandContext ctx) throws Exception {
        switch (ctx.event().getSubcommandName()) {
            case "reset" -> reset(ctx);
            case "persona" -> persona(ctx);
            case "persona-define" -> {
                ctx.requireMemberPermissions(Permission.MANAGE_SERVER);
                String name = option(ctx, "name");
                try {
                    settings.definePersona(ctx.guild().getIdLong(), name, option(ctx, "prompt"));
                } catch (IllegalArgumentException e) {
                    throw new Refusal("The persona cannot be saved: " + e.getMessage() + ".");
                }
                ctx.reply().sendEphemeral("Saved the persona **" + name.strip().toLowerCase(Locale.ROOT)
                        + "**; choose it with `/ai persona`.");
            }
            case "persona-remove" -> {
                ctx.requireMemberPermissions(Permission.MANAGE_SERVER);
                String name = option(ctx, "name");
                if (!settings.removePersona(ctx.guild().getIdLong(), name)) {
                    throw new Refusal("This server has no persona named " + name + ".");
                }
                ctx.reply().sendEphemeral("Removed the persona **" + name + "**.");
            }
            case "model" -> model(ctx);
            default -> usage(ctx);
        }
    }

    private static String option(SlashCommandContext ctx, String name) {
        return ctx.event().getOption(name, OptionMapping::getAsString);
    }

    private void reset(SlashCommandContext ctx) throws Exception {
        if (!(ctx.event().getChannel() instanceof ThreadChannel thread)) {
            throw new Refusal("Only a /chat thread keeps a conversation to reset; elsewhere, ask without replying "
                    + "to start afresh.");
        }
        long id = conversations.ofThread(thread.getIdLong())
                .orElseThrow(() -> new Refusal("This thread is not a /chat conversation."));
        // an answer still streaming (or being kept) is part of what is forgotten
        assistant.afterAnswers(id).get(60, TimeUnit.SECONDS);
        int forgotten = conversations.reset(id);
        ctx.reply().send("The AI forgot this conversation (" + forgotten + " message" + (forgotten == 1 ? "" : "s")
                + "); the next message starts afresh.");
    }

    /** The channel a choice is for, after checking the member may make it: 0 for the server. */
    private static long scope(SlashCommandContext ctx) {
        if (CHANNEL.equals(option(ctx, SCOPE))) {
            ctx.requireMemberPermissions(Permission.MANAGE_CHANNEL);
            Assistant.Place place = Places.of(ctx, ctx.event().getMessageChannel());
            return place.baseChannelId();
        }
        ctx.requireMemberPermissions(Permission.MANAGE_SERVER);
        return 0;
    }

    private static String where(long channelId) {
        return channelId == 0 ? "this server" : "<#" + channelId + ">";
    }

    private void persona(SlashCommandContext ctx) throws SQLException {
        long channelId = scope(ctx);
        long guildId = ctx.guild().getIdLong();
        String name = option(ctx, "name").strip().toLowerCase(Locale.ROOT);
        if (name.equals(NONE)) {
            settings.choose(guildId, channelId, AiSettingsStore.Field.PERSONA, null);
            ctx.reply().send("The AI has no persona in " + where(channelId) + " now"
                    + (channelId == 0 ? "." : " unless the server chose one."));
            return;
        }
        if (settings.persona(guildId, name).isEmpty()) {
            throw new Refusal("This server has no persona named " + name + "; an admin defines them with "
                    + "`/ai persona-define`.");
        }
        settings.choose(guildId, channelId, AiSettingsStore.Field.PERSONA, name);
        ctx.reply().send("The AI answers as **" + name + "** in " + where(channelId) + ".");
    }

    private void model(SlashCommandContext ctx) throws Exception {
        long channelId = scope(ctx);
        long guildId = ctx.guild().getIdLong();
        String model = option(ctx, "model").strip();
        String providerName = option(ctx, "provider");
        ChatProvider provider = providerName == null
                ? assistant.resolve(Places.of(ctx, ctx.event().getMessageChannel())).provider()
                : providers.find(providerName.strip()).orElseThrow(() -> new Refusal("There is no AI provider named "
                        + providerName.strip() + "; the list offers those configured."));
        Optional<List<String>> known = catalog.models(provider).handle((models, failure) -> Optional.ofNullable(models))
                .completeOnTimeout(Optional.empty(), 3, TimeUnit.SECONDS).get();
        if (known.isPresent() && !known.get().contains(model) && !model.equals(provider.settings().defaultModel())) {
            throw new Refusal(provider.settings().name() + " has no model named " + model
                    + "; the list offers its models.");
        }
        try {
            settings.choose(guildId, channelId, AiSettingsStore.Field.PROVIDER, provider.settings().name());
            settings.choose(guildId, channelId, AiSettingsStore.Field.MODEL, model);
        } catch (IllegalArgumentException e) {
            throw new Refusal("The choice cannot be saved: " + e.getMessage() + ".");
        }
        ctx.reply().send("The AI answers with **" + model + "** of " + provider.settings().name() + " in "
                + where(channelId) + (known.isPresent() ? "." : " (the provider did not list its models in time, so "
                        + "the name is not checked)."));
    }

    private void usage(SlashCommandContext ctx) throws SQLException {
        long guildId = ctx.guild().getIdLong();
        Member member = ctx.event().getOption("member", OptionMapping::getAsMember);
        boolean server = Boolean.TRUE.equals(ctx.event().getOption("server", OptionMapping::getAsBoolean));
        if (server || member != null && member.getIdLong() != ctx.user().getIdLong()) {
            ctx.requireMemberPermissions(Permission.MANAGE_SERVER);
        }
        Instant now = Instant.now();
        List<String> lines = new ArrayList<>();
        if (server) {
            lines.add("**AI use of this server**");
            lines.addAll(lines(guildId, null, usage.guildLimits(guildId), now));
        } else {
            Member whose = member != null ? member : ctx.member();
            lines.add("**AI use of " + whose.getAsMention() + "**");
            lines.addAll(lines(guildId, whose.getIdLong(), usage.memberLimits(guildId,
                    whose.getRoles().stream().map(ISnowflake::getIdLong).toList()), now));
        }
        ctx.reply().sendEphemeral(String.join("\n", lines));
    }

    private List<String> lines(long guildId, Long userId, QuotaLimits limits, Instant now) throws SQLException {
        UsageStore.Totals hour = usage.totals(guildId, userId, now.minus(Duration.ofHours(1)));
        UsageStore.Totals day = usage.totals(guildId, userId, now.minus(Duration.ofDays(1)));
        return List.of(
                "Last hour: " + line(hour, limits.requestsPerHour(), limits.tokensPerHour()),
                "Last 24 hours: " + line(day, limits.requestsPerDay(), limits.tokensPerDay()),
                String.format(Locale.ROOT, "Estimated cost over 24 hours: %.4f", day.costMicros() / 1_000_000.0));
    }

    private static String line(UsageStore.Totals totals, long requestLimit, long tokenLimit) {
        long tokens = totals.promptTokens() + totals.completionTokens();
        return String.format(Locale.ROOT, "%,d request%s%s, %,d tokens%s", totals.requests(),
                totals.requests() == 1 ? "" : "s", requestLimit < 0 ? "" : String.format(Locale.ROOT, " of %,d",
                        requestLimit), tokens, tokenLimit < 0 ? "" : String.format(Locale.ROOT, " of %,d", tokenLimit));
    }

    @Override
    public List<Command.Choice> autocomplete(AutocompleteContext ctx) throws Exception {
        if (ctx.guild() == null) {
            return List.of();
        }
        String typed = ctx.focused().getValue().strip().toLowerCase(Locale.ROOT);
        return switch (ctx.focused().getName()) {
            case "provider" -> providers.all().stream().map(p -> p.settings().name())
                    .filter(name -> name.contains(typed)).limit(25).map(name -> new Command.Choice(name, name))
                    .toList();
            case "model" -> models(ctx, typed);
            default -> {
                List<String> names = new ArrayList<>(settings.personas(ctx.guild().getIdLong()).keySet());
                if ("persona".equals(ctx.event().getSubcommandName())) {
                    names.add(0, NONE);
                }
                yield names.stream().filter(name -> name.contains(typed)).limit(25)
                        .map(name -> new Command.Choice(name, name)).toList();
            }
        };
    }

    /** The models of the provider typed in the same command, else of the one that answers here now. */
    private List<Command.Choice> models(AutocompleteContext ctx, String typed) throws Exception {
        String providerName = ctx.event().getOption("provider", OptionMapping::getAsString);
        Optional<ChatProvider> provider = providerName != null && !providerName.isBlank()
                ? providers.find(providerName.strip())
                : Optional.of(assistant.resolve(new Assistant.Place(ctx.guild(), ctx.event().getMember(), ctx.user(),
                        ctx.event().getMessageChannel())).provider());
        if (provider.isEmpty()) {
            return List.of();
        }
        return catalog.suggest(provider.get(), typed).get(2_500, TimeUnit.MILLISECONDS).stream()
                .map(model -> new Command.Choice(model, model)).toList();
    }
}
