package org.hotcog.tickets.internal.rest;

import java.time.Duration;
import java.util.List;

import org.hotcog.tickets.internal.category.Category;
import org.hotcog.tickets.internal.category.Question;
import org.hotcog.tickets.internal.store.InvalidInput;

/**
 * A ticket category as the API reads and writes it. Discord ids are strings. In a {@code PUT}, a field left out (or
 * null) keeps its value; in a {@code POST}, it takes its default ({@code name} and {@code staffRoleIds} are
 * required).
 */
public record CategoryJson(String id, String name, String emoji, String description, List<String> staffRoleIds,
        List<String> pingRoleIds, List<String> requiredRoleIds, String discordCategoryId, String fallbackCategoryId,
        String channelName, String openingMessage, Integer memberLimit, Integer totalLimit, Long cooldownSeconds,
        Boolean privateThread, String threadChannelId, List<QuestionJson> questions) {

    /** A question of the form asked before a ticket opens. */
    public record QuestionJson(String label, Boolean paragraph, String placeholder, Integer minLength,
            Integer maxLength, Boolean required) {
        Question toQuestion() {
            boolean longAnswer = paragraph != null && paragraph;
            return new Question(label, longAnswer, placeholder == null ? "" : placeholder,
                    minLength == null ? 0 : minLength, maxLength == null ? (longAnswer ? 1000 : 200) : maxLength,
                    required == null || required);
        }

        static QuestionJson of(Question q) {
            return new QuestionJson(q.label(), q.paragraph(), q.placeholder(), q.minLength(), q.maxLength(),
                    q.required());
        }
    }

    static CategoryJson of(Category c) {
        return new CategoryJson(Long.toString(c.id()), c.name(), c.emoji(), c.description(), ids(c.staffRoles()),
                ids(c.pingRoles()), ids(c.requiredRoles()), TicketJson.id(c.discordCategoryId()),
                TicketJson.id(c.fallbackCategoryId()), c.channelName(), c.openingMessage(), c.memberLimit(),
                c.totalLimit(), c.cooldown().toSeconds(), c.privateThread(), TicketJson.id(c.threadChannelId()),
                c.questions().stream().map(QuestionJson::of).toList());
    }

    /** This body over {@code base} (null for a new category): what it leaves out stays as it is. */
    Category over(Category base, long guildId) {
        if (base == null && (name == null || staffRoleIds == null)) {
            throw new InvalidInput(name == null ? "name" : "staffRoleIds", "is required");
        }
        long cooldown = or(cooldownSeconds, base == null ? 0L : base.cooldown().toSeconds());
        if (cooldown < 0) {
            throw new InvalidInput("cooldownSeconds", "must be 0 or more");
        }
        return new Category(base == null ? 0 : base.id(), guildId, or(name, base == null ? null : base.name()),
                or(emoji, base == null ? "" : base.emoji()), or(description, base == null ? "" : base.description()),
                roles("staffRoleIds", staffRoleIds, base == null ? List.of() : base.staffRoles()),
                roles("pingRoleIds", pingRoleIds, base == null ? List.of() : base.pingRoles()),
                roles("requiredRoleIds", requiredRoleIds, base == null ? List.of() : base.requiredRoles()),
                id("discordCategoryId", discordCategoryId, base == null ? 0 : base.discordCategoryId()),
                id("fallbackCategoryId", fallbackCategoryId, base == null ? 0 : base.fallbackCategoryId()),
                or(channelName, base == null ? Category.DEFAULT_CHANNEL_NAME : base.channelName()),
                or(openingMessage, base == null ? Category.DEFAULT_OPENING_MESSAGE : base.openingMessage()),
                or(memberLimit, base == null ? 1 : base.memberLimit()),
                or(totalLimit, base == null ? 0 : base.totalLimit()), Duration.ofSeconds(cooldown),
                or(privateThread, base != null && base.privateThread()),
                id("threadChannelId", threadChannelId, base == null ? 0 : base.threadChannelId()),
                questions == null ? (base == null ? List.of() : base.questions())
                        : questions.stream().map(QuestionJson::toQuestion).toList());
    }

    private static List<String> ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).toList();
    }

    private static List<Long> roles(String field, List<String> given, List<Long> otherwise) {
        return given == null ? otherwise : given.stream().map(id -> id(field, id, -1)).toList();
    }

    /** A Discord id given as text; "" or "0" for none. */
    private static long id(String field, String given, long otherwise) {
        if (given == null) {
            return otherwise;
        }
        if (given.isBlank() || given.equals("0")) {
            return 0;
        }
        try {
            return Long.parseLong(given.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "must be a Discord id");
        }
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
