package org.hotcog.api.settings;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads and writes per-guild settings, stored in the database so that every process sharing it
 * sees the same values. Reads are cheap enough for every interaction.
 */
@ProviderType
public interface GuildSettings {
    /** The guild's value, or the setting's default when the guild has not set one. */
    <T> T get(long guildId, GuildSetting<T> setting);

    /**
     * Stores a value for the guild.
     *
     * @throws IllegalArgumentException naming the setting and the expected form, with nothing stored
     */
    <T> void set(long guildId, GuildSetting<T> setting, T value);

    /** Goes back to the default. */
    void reset(long guildId, GuildSetting<?> setting);
}
