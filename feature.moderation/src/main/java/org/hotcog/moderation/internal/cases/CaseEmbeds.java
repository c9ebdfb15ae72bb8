package org.hotcog.moderation.internal.cases;

import org.hotcog.moderation.internal.time.Durations;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.MarkdownSanitizer;

/** A case as an embed: the modlog post and the answer of {@code /case view}. */
public final class CaseEmbeds {
    private CaseEmbeds() {
    }

    public static MessageEmbed of(ModCase c) {
        EmbedBuilder embed = new EmbedBuilder()
                .setTitle(c.action().title() + " | Case #" + c.number())
                .setColor(c.action().color())
                .addField(c.action().onChannel() ? "Channel" : "User", c.action().onChannel() ? "<#" + c.targetId() + ">"
                        : name(c.targetName()) + " (<@" + c.targetId() + ">)", true)
                .addField("Moderator", c.automatic() ? name(c.moderatorName()) + " (automatic)"
                        : name(c.moderatorName()) + " (<@" + c.moderatorId() + ">)", true);
        if (c.duration() != null) {
            embed.addField("Duration", Durations.format(c.duration()), true);
        }
        if (c.detail() != null) {
            embed.addField("Details", c.detail(), false);
        }
        embed.addField("Reason", c.reason() == null ? "No reason given" : c.reason(), false)
                .setFooter((c.action().onChannel() ? "Channel ID: " : "User ID: ") + c.targetId())
                .setTimestamp(c.createdAt());
        return embed.build();
    }

    /** A user name as text, so that {@code _} or {@code *} in it are not read as markdown. */
    public static String name(String name) {
        return MarkdownSanitizer.escape(name);
    }
}
