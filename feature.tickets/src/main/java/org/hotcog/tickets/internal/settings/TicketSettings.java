package org.hotcog.tickets.internal.settings;

import java.time.Duration;

import org.hotcog.api.settings.GuildSetting;

/** The tickets module's per-guild settings, read and written through the core's settings service. */
public final class TicketSettings {
    public static final String MODULE = "tickets";
    /** The longest wait before a reminder or an automatic close. */
    public static final long MAX_WAIT_SECONDS = Duration.ofDays(90).toSeconds();

    public static final GuildSetting<Long> LOG_CHANNEL = GuildSetting.snowflake(MODULE, "log.channel",
            "Where closed tickets' transcripts are posted");
    public static final GuildSetting<Boolean> TRANSCRIPT_DM = GuildSetting.flag(MODULE, "transcript.dm", true,
            "Whether the opener receives the transcript by direct message");
    public static final GuildSetting<Boolean> FEEDBACK = GuildSetting.flag(MODULE, "feedback", true,
            "Whether the opener is asked to rate a closed ticket");
    public static final GuildSetting<Long> STALE_AFTER = GuildSetting.number(MODULE, "stale.after", 0, 0,
            MAX_WAIT_SECONDS, "Seconds without a message before the opener is reminded; 0 for never");
    public static final GuildSetting<Long> AUTO_CLOSE_AFTER = GuildSetting.number(MODULE, "autoclose.after", 0, 0,
            MAX_WAIT_SECONDS, "Seconds after the reminder before a silent ticket closes itself; 0 for never");

    private TicketSettings() {
    }
}
