package org.hotcog.pterodactyl.internal.command;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.hotcog.api.command.AutocompleteContext;
import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.pterodactyl.internal.access.Level;
import org.hotcog.pterodactyl.internal.client.PanelException;
import org.hotcog.pterodactyl.internal.client.PowerSignal;
import org.hotcog.pterodactyl.internal.client.Usage;
import org.hotcog.pterodactyl.internal.live.History;
import org.hotcog.pterodactyl.internal.live.LiveMessage;
import org.hotcog.pterodactyl.internal.live.LiveStatus;
import org.hotcog.pterodactyl.internal.live.StatusMessages;
import org.hotcog.pterodactyl.internal.servers.NodeDetails;
import org.hotcog.pterodactyl.internal.servers.ServerAccess;
import org.hotcog.pterodactyl.internal.servers.Target;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;

/**
 * {@code /server list|status|power|command|console|panel|graph}: the game servers of the guild's panels and of the member's
 * own key. Stop and kill ask for a confirmation button; a console command is typed in a form; {@code panel} posts a
 * live status message, {@code graph} a CPU and memory graph.
 */
@Component(service = SlashCommand.class)
public final class ServerCommand implements SlashCommand {
    static final String SERVER = "server";
    static final String ACTION = "action";
    static final String CHANNEL = "channel";
    /** Autocomplete has 3 seconds in all; the lists it needs are usually cached. */
    private static final long AUTOCOMPLETE_MILLIS = 2000;

    private final ServerAccess access;
    private final ServerActions actions;
    private final LiveStatus live;
    private final NodeDetails nodes;
    private final ExecutorService lookups = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "hotcog-ptero-autocomplete");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public ServerCommand(@Reference ServerAccess access, @Reference ServerActions actions,
            @Reference LiveStatus live, @Reference NodeDetails nodes) {
        this.access = access;
        this.actions = actions;
        this.live = live;
        this.nodes = nodes;
    }

    @Override
    public SlashCommandData data() {
        OptionData server = new OptionData(OptionType.STRING, SERVER, "The server", true, true);
        return Commands.slash("server", "Watch and control the game servers").setContexts(InteractionContextType.GUILD)
                .addSubcommands(new SubcommandData("list", "The servers you can see"),
                        new SubcommandData("status", "A server's state and resource use").addOptions(server),
                        new SubcommandData("power", "Start, stop, restart or kill a server").addOptions(server,
                                new OptionData(OptionType.STRING, ACTION, "What to do", true)
                                        .addChoice("start", "start").addChoice("stop", "stop")
                                        .addChoice("restart", "restart").addChoice("kill", "kill")),
                        new SubcommandData("command", "Send a console command").addOptions(server),
                        new SubcommandData("console", "The latest console lines (only you see them)")
                                .addOptions(server),
                        new SubcommandData("panel", "Post a live status message with power buttons").addOptions(server,
                                new OptionData(OptionType.CHANNEL, CHANNEL, "Where (this channel when left out)")
                                        .setChannelTypes(ChannelType.TEXT, ChannelType.NEWS)),
                        new SubcommandData("graph", "CPU and memory over the last minutes").addOptions(server));
    }

    @Override
    public void handle(SlashCommandContext ctx) throws Exception {
        Member member = ctx.member();
        if (member == null) {
            throw new Refusal("Game servers are managed in a server, not in direct messages.");
        }
        String sub = ctx.event().getSubcommandName();
        if ("list".equals(sub)) {
            list(ctx, member);
            return;
        }
        String ref = ctx.event().getOption(SERVER).getAsString();
        switch (sub) {
            case "status" -> {
                Target target = access.resolve(member, ref, Level.VIEW);
                ctx.reply().send(new MessageCreateBuilder().addEmbeds(StatusEmbed.of(target.server(), target.ref(),
                        usage(member, target), nodes.of(target.panel(), target.server()))).build());
            }
            case "power" -> power(ctx, member, ref, ServerActions.signal(ctx.event().getOption(ACTION).getAsString()));
            case "command" -> {
                // resolve first: a member who may not gets the refusal rather than a form
                Target target = access.resolve(member, ref, Level.CONTROL);
                ctx.reply().showModal(Modal.create(CommandForm.PREFIX + target.ref(), "Console: "
                        + shorten(target.server().name(), 35)).addComponents(Label.of("Command", TextInput.create(
                                CommandForm.COMMAND, TextInputStyle.SHORT).setRequiredRange(1, 2000)
                                .setPlaceholder("say Hello").build())).build());
            }
            case "console" -> console(ctx, member, ref);
            case "panel" -> livePanel(ctx, member, ref);
            case "graph" -> graph(ctx, member, ref);
            default -> throw new Refusal("Unknown sub-command " + sub + ".");
        }
    }

    private void list(SlashCommandContext ctx, Member member) {
        ServerAccess.Visible visible = access.visible(member);
        StringBuilder text = new StringBuilder();
        if (visible.targets().isEmpty()) {
            text.append("You cannot see any game server here. Link your own panel key with /ptero link, or ask an "
                    + "admin for access.");
        } else {
            text.append("**Servers you can see** (").append(visible.targets().size()).append(")\n");
            for (Target target : visible.targets()) {
                String line = "• " + target.server().name() + " — `" + target.ref() + "` — "
                        + (target.level() == Level.CONTROL ? "control" : "view")
                        + (target.memberKey() ? " (your key)" : "") + "\n";
                if (text.length() + line.length() > 1800) {
                    text.append("… and more; use autocomplete in /server status.\n");
                    break;
                }
                text.append(line);
            }
        }
        visible.problems().forEach(p -> text.append("\n⚠ ").append(p));
        ctx.reply().sendEphemeral(text.toString());
    }

    private Usage usage(Member member, Target target) {
        try {
            return target.client().resources(target.server().identifier());
        } catch (PanelException e) {
            throw access.failed(member.getIdLong(), target, e);
        }
    }

    private void power(SlashCommandContext ctx, Member member, String ref, PowerSignal signal) {
        if (signal == PowerSignal.STOP || signal == PowerSignal.KILL) {
            ctx.reply().sendEphemeral(PowerButtons.confirmation(signal, access.resolve(member, ref, Level.CONTROL)));
            return;
        }
        Target target = actions.power(member, ref, signal);
        ctx.reply().send(PowerButtons.sent(signal, target, member));
    }

    private void livePanel(SlashCommandContext ctx, Member member, String ref) {
        Target target = access.resolve(member, ref, Level.CONTROL);
        if (target.memberKey()) {
            throw new Refusal("Live status messages show the servers of the panel's own key, which does not see "
                    + target.label() + ".");
        }
        OptionMapping option = ctx.event().getOption(CHANNEL);
        GuildMessageChannel channel = option == null ? ctx.event().getChannel().asGuildMessageChannel()
                : option.getAsChannel().asGuildMessageChannel();
        ctx.requireBotPermissions(channel, Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
                Permission.MESSAGE_EMBED_LINKS);
        Usage usage = usage(member, target);
        Message posted = channel.sendMessage(LiveMessage.create(target.server(), target.ref(), usage,
                nodes.of(target.panel(), target.server()))).complete();
        live.add(new StatusMessages.Location(posted.getIdLong(), member.getGuild().getIdLong(), channel.getIdLong(),
                target.panel().name(), target.server().identifier()), member.getIdLong(), target.server(), usage);
        ctx.reply().sendEphemeral("The live status of " + target.label() + " is in " + channel.getAsMention() + ".");
    }

    private void graph(SlashCommandContext ctx, Member member, String ref) {
        Target target = access.resolve(member, ref, Level.VIEW);
        if (target.memberKey()) {
            throw new Refusal("History is kept for the servers of the panel's own key, which does not see "
                    + target.label() + ".");
        }
        LiveStatus.Watch watch = live.watchForGraph(target.panel().name(), target.server(), usage(member, target));
        List<History.Sample> samples = watch.history().samples();
        MessageEmbed embed = new EmbedBuilder(StatusEmbed.of(target.server(), target.ref(), watch.usage(),
                nodes.of(target.panel(), target.server())))
                .setImage("attachment://" + LiveMessage.GRAPH)
                .setDescription(samples.size() < 2 ? "The history starts now: ask again in a minute or two for a "
                        + "graph of the last " + watch.history().window().toMinutes() + " minutes."
                        : "The last " + watch.history().window().toMinutes() + " minutes.")
                .build();
        ctx.reply().send(new MessageCreateBuilder().addEmbeds(embed)
                .addFiles(FileUpload.fromData(LiveMessage.graph(target.server(), samples), LiveMessage.GRAPH)).build());
    }

    private void console(SlashCommandContext ctx, Member member, String ref) throws InterruptedException {
        Target target = access.resolve(member, ref, Level.CONTROL);
        ctx.reply().defer(true);
        List<String> lines = actions.console(member, target);
        ctx.reply().sendEphemeral(ConsoleText.of(target, lines));
    }

    @Override
    public List<Command.Choice> autocomplete(AutocompleteContext ctx) throws Exception {
        Member member = ctx.event().getMember();
        if (member == null) {
            return List.of();
        }
        String typed = ctx.focused().getValue().toLowerCase(Locale.ROOT);
        CompletableFuture<ServerAccess.Visible> visible = CompletableFuture.supplyAsync(() -> access.visible(member),
                lookups);
        try {
            return visible.get(AUTOCOMPLETE_MILLIS, TimeUnit.MILLISECONDS).targets().stream()
                    .filter(t -> t.server().name().toLowerCase(Locale.ROOT).contains(typed)
                            || t.ref().toLowerCase(Locale.ROOT).contains(typed))
                    .limit(25).map(t -> new Command.Choice(shorten(t.server().name() + " (" + t.ref() + ")", 100),
                            t.ref()))
                    .toList();
        } catch (TimeoutException e) {
            // a slow panel: no suggestions this time; the list is cached for the next keystroke once it arrives
            return List.of();
        }
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    @Deactivate
    void deactivate() {
        lookups.shutdownNow();
    }
}
