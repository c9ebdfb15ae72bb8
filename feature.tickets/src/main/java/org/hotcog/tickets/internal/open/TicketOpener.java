package org.hotcog.tickets.internal.open;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.hotcog.api.interaction.InteractionContext;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.api.jobs.Jobs;
import org.hotcog.api.settings.GuildSettings;
import org.hotcog.tickets.internal.category.Category;
import org.hotcog.tickets.internal.category.CategoryStore;
import org.hotcog.tickets.internal.category.Question;
import org.hotcog.tickets.internal.close.Reminders;
import org.hotcog.tickets.internal.discord.TicketChannels;
import org.hotcog.tickets.internal.discord.TicketEvents;
import org.hotcog.tickets.internal.discord.TicketMessages;
import org.hotcog.tickets.internal.ticket.OpenTickets;
import org.hotcog.tickets.internal.ticket.Ticket;
import org.hotcog.tickets.internal.ticket.TicketStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.modals.Modal;

/**
 * Opens tickets, from a panel, {@code /new} or a message's context menu. A ticket is stored before its channel is
 * made and is abandoned when Discord refuses the channel; a channel whose row cannot be completed is deleted again.
 * So there is never a channel without a ticket, nor a ticket without a channel.
 */
@Component(service = TicketOpener.class)
public final class TicketOpener {
    /** Custom-id prefix of the questions' modal; the category's id follows. */
    public static final String ANSWERS_PREFIX = "tickets:answers:";
    /** The form's input quoting the message a ticket is about. */
    public static final String ABOUT_INPUT = "about";
    private static final Logger LOG = LoggerFactory.getLogger(TicketOpener.class);

    private final CategoryStore categories;
    private final TicketStore tickets;
    private final OpenTickets open;
    private final TicketEvents events;
    private final Reminders reminders;

    @Activate
    public TicketOpener(@Reference CategoryStore categories, @Reference TicketStore tickets,
            @Reference OpenTickets open, @Reference TicketEvents events, @Reference Reminders reminders) {
        this.categories = categories;
        this.tickets = tickets;
        this.open = open;
        this.events = events;
        this.reminders = reminders;
    }

    /**
     * The category, when this member may open a ticket in it now and the bot can make one: checked before a modal
     * is shown, so nobody answers questions in vain. The limits are checked again, atomically, when the ticket is
     * stored.
     *
     * @throws Refusal saying what stands in the way
     */
    public Category admit(InteractionContext ctx, long categoryId) {
        Guild guild = ctx.guild();
        if (guild == null) {
            throw new Refusal("Tickets are opened in a server.");
        }
        Category category = categories.find(guild.getIdLong(), categoryId)
                .orElseThrow(() -> new Refusal("This ticket category no longer exists."));
        Member member = ctx.member();
        if (!category.requiredRoles().isEmpty()
                && member.getRoles().stream().noneMatch(r -> category.requiredRoles().contains(r.getIdLong()))) {
            throw new Refusal("Opening a ticket in " + category.name() + " needs one of these roles: "
                    + mentions(category.requiredRoles()) + ".");
        }
        TicketChannels.requireBotPermissions(ctx, guild, category);
        tickets.checkLimits(category, member.getIdLong(), Instant.now());
        return category;
    }

    /**
     * The modal of the category's questions; the category has at least one. Its custom id carries the category and
     * the topic ({@code <category id>:<topic>}), so nothing waits in memory for the answers.
     */
    public static Modal questions(Category category, String topic, String about) {
        List<Label> inputs = new ArrayList<>();
        List<Question> questions = category.questions();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            TextInput.Builder input = TextInput.create("q" + i, q.paragraph() ? TextInputStyle.PARAGRAPH
                    : TextInputStyle.SHORT).setRequired(q.required()).setRequiredRange(q.minLength(), q.maxLength());
            if (!q.placeholder().isEmpty()) {
                input.setPlaceholder(q.placeholder());
            }
            inputs.add(Label.of(q.label(), input.build()));
        }
        // the message a ticket is about, when the form has room for it (Discord shows five inputs at most)
        if (!about.isEmpty() && inputs.size() < Category.MAX_QUESTIONS) {
            inputs.add(Label.of(OpenRequests.ABOUT_LABEL, TextInput.create(ABOUT_INPUT, TextInputStyle.PARAGRAPH)
                    .setRequired(false).setMaxLength(Question.MAX_LENGTH)
                    .setValue(about.length() > Question.MAX_LENGTH ? about.substring(0, Question.MAX_LENGTH) : about)
                    .build()));
        }
        String title = "New ticket: " + category.name();
        return Modal.create(ANSWERS_PREFIX + category.id() + ":" + topic, title.length() > 45 ? title.substring(0, 45) : title)
                .addComponents(inputs).build();
    }

    /**
     * Opens the ticket and tells the member where it is.
     *
     * @param topic what the member said it is about; empty if nothing
     * @param answers the answers to the questions, as "question\nanswer" blocks; empty if none
     */
    public Ticket open(InteractionContext ctx, Category category, String topic, String answers) {
        ctx.reply().defer(true);
        Guild guild = ctx.guild();
        Member opener = ctx.member();
        Ticket reserved = tickets.reserve(category, opener.getIdLong(), topic, answers, Instant.now());
        GuildMessageChannel channel;
        try {
            channel = TicketChannels.create(guild, category, reserved, opener);
        } catch (RuntimeException e) {
            tickets.abandon(reserved.id());
            throw e;
        }
        try {
            tickets.attach(reserved.id(), channel.getIdLong());
        } catch (RuntimeException e) {
            channel.delete().reason("The ticket could not be stored").queue(null,
                    failure -> LOG.warn("Could not delete the channel {} of unstored ticket {}", channel.getId(),
                            reserved.label()));
            tickets.abandon(reserved.id());
            throw e;
        }
        open.add(channel.getIdLong(), reserved.id());
        Ticket ticket = tickets.find(reserved.id()).orElseThrow();
        welcome(channel, category, ticket, opener);
        ctx.reply().sendEphemeral("Your ticket " + ticket.label() + " is open: " + channel.getAsMention());
        events.opened(ticket);
        reminders.activity(ticket);
        return ticket;
    }

    /** The first message of a ticket; a failure leaves a working ticket, so it is only logged. */
    private static void welcome(GuildMessageChannel channel, Category category, Ticket ticket, Member opener) {
        try {
            channel.sendMessage(TicketMessages.welcome(category, ticket, opener))
                    .timeout(15, TimeUnit.SECONDS).complete().pin().queue(null, failure -> { });
        } catch (RuntimeException e) {
            LOG.warn("Ticket {} of guild {} is open but its opening message failed: {}", ticket.label(),
                    ticket.guildId(), e.toString());
        }
    }

    private static String mentions(List<Long> roles) {
        return String.join(", ", roles.stream().map(id -> "<@&" + id + ">").toList());
    }
}
