package org.hotcog.tickets.internal.category;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.hotcog.tickets.internal.store.InvalidInput;

/**
 * A kind of ticket a guild offers, such as "Support" or "Appeals": who handles it, who may open one, and how its
 * channel looks. Built only through the checks of its constructor, so a stored category is always a valid one.
 *
 * @param id 0 for one not stored yet
 * @param staffRoles the roles that see and handle its tickets (at least one)
 * @param pingRoles mentioned in the opening message
 * @param requiredRoles a member needs one of them to open a ticket; none means anyone
 * @param discordCategoryId the Discord category holding its channels; 0 for none
 * @param fallbackCategoryId where channels go while that one holds Discord's maximum of 50; 0 for none
 * @param channelName template of the channel's name: {@code {num}}, {@code {username}} and {@code {category}}
 * @param memberLimit open tickets one member may have in it (0: no limit)
 * @param totalLimit open tickets it may have at once (0: no limit)
 * @param cooldown how long after opening one a member waits to open the next
 * @param privateThread a private thread in {@code threadChannelId} instead of a channel of its own
 */
public record Category(long id, long guildId, String name, String emoji, String description, List<Long> staffRoles,
        List<Long> pingRoles, List<Long> requiredRoles, long discordCategoryId, long fallbackCategoryId,
        String channelName, String openingMessage, int memberLimit, int totalLimit, Duration cooldown,
        boolean privateThread, long threadChannelId, List<Question> questions) {
    public static final int MAX_NAME = 50;
    public static final int MAX_QUESTIONS = 5;
    public static final int MAX_ROLES = 25;
    public static final String DEFAULT_CHANNEL_NAME = "ticket-{num}";
    public static final String DEFAULT_OPENING_MESSAGE = "Thank you for opening a ticket. Tell us what you need; "
            + "the team will answer here.";
    /** A channel name template, before its placeholders are filled: Discord's channel names allow no spaces. */
    private static final Pattern TEMPLATE = Pattern.compile("[\\p{L}\\p{N}{}_\\-]+");
    private static final Duration MAX_COOLDOWN = Duration.ofDays(30);

    public Category {
        name = InvalidInput.text("name", name, MAX_NAME, true);
        emoji = InvalidInput.text("emoji", emoji, 64, false);
        description = InvalidInput.text("description", description, 100, false);
        staffRoles = roles("staffRoles", staffRoles);
        if (staffRoles.isEmpty()) {
            throw new InvalidInput("staffRoles", "needs at least one role");
        }
        pingRoles = roles("pingRoles", pingRoles);
        requiredRoles = roles("requiredRoles", requiredRoles);
        InvalidInput.range("discordCategoryId", discordCategoryId, 0, Long.MAX_VALUE);
        InvalidInput.range("fallbackCategoryId", fallbackCategoryId, 0, Long.MAX_VALUE);
        channelName = InvalidInput.text("channelName", channelName == null || channelName.isBlank()
                ? DEFAULT_CHANNEL_NAME : channelName, 90, true).toLowerCase(Locale.ROOT);
        if (!TEMPLATE.matcher(channelName).matches()) {
            throw new InvalidInput("channelName", "may hold letters, digits, '-', '_' and the placeholders {num}, "
                    + "{username} and {category}, with no spaces");
        }
        openingMessage = InvalidInput.text("openingMessage", openingMessage == null || openingMessage.isBlank()
                ? DEFAULT_OPENING_MESSAGE : openingMessage, 2000, true);
        InvalidInput.range("memberLimit", memberLimit, 0, 50);
        InvalidInput.range("totalLimit", totalLimit, 0, 10_000);
        if (cooldown == null || cooldown.isNegative() || cooldown.compareTo(MAX_COOLDOWN) > 0) {
            throw new InvalidInput("cooldownSeconds", "must be from 0 to " + MAX_COOLDOWN.getSeconds());
        }
        if (privateThread && threadChannelId <= 0) {
            throw new InvalidInput("threadChannelId", "is required for private threads: the channel that holds them");
        }
        questions = List.copyOf(questions == null ? List.of() : questions);
        if (questions.size() > MAX_QUESTIONS) {
            throw new InvalidInput("questions", "at most " + MAX_QUESTIONS + " (Discord's limit for one modal)");
        }
    }

    private static List<Long> roles(String field, List<Long> roles) {
        List<Long> copy = List.copyOf(roles == null ? List.of() : roles);
        if (copy.size() > MAX_ROLES) {
            throw new InvalidInput(field, "at most " + MAX_ROLES + " roles");
        }
        if (copy.stream().anyMatch(role -> role <= 0)) {
            throw new InvalidInput(field, "must be Discord role ids");
        }
        return copy.stream().distinct().toList();
    }

    /** The same category under a stored id. */
    public Category withId(long newId, long newGuildId) {
        return new Category(newId, newGuildId, name, emoji, description, staffRoles, pingRoles, requiredRoles,
                discordCategoryId, fallbackCategoryId, channelName, openingMessage, memberLimit, totalLimit, cooldown,
                privateThread, threadChannelId, questions);
    }

    /** The name with its emoji, as panels and lists show it. */
    public String label() {
        return emoji.isEmpty() ? name : emoji + " " + name;
    }

    /** The channel name for a ticket: the template filled in, cut to Discord's 100 characters. */
    public String channelNameFor(int number, String username) {
        String filled = channelName.replace("{num}", String.format(Locale.ROOT, "%04d", number))
                .replace("{username}", username).replace("{category}", name)
                .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}_\\-]+", "-").replaceAll("-{2,}", "-")
                .replaceAll("^-|-$", "");
        return filled.length() > 100 ? filled.substring(0, 100) : filled;
    }
}
