package org.hotcog.itest.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotcog.api.settings.GuildSetting;
import org.hotcog.api.settings.GuildSettings;
import org.junit.jupiter.api.Test;
import org.osgi.test.common.annotation.InjectService;

/** Per-guild settings through the real service and database: typed, checked, with defaults. */
class GuildSettingsTest {
    static final GuildSetting<Long> DAILY = GuildSetting.number("itest", "daily.amount", 100, 1, 1_000, "Coins a day");
    static final GuildSetting<Boolean> DMS = GuildSetting.flag("itest", "dm.targets", true, "DM before acting");

    @InjectService(timeout = 20_000)
    GuildSettings settings;

    @Test
    void defaultsThenStoredValuesPerGuild() {
        long guild = System.nanoTime();
        assertThat(settings.get(guild, DAILY)).isEqualTo(100L);
        settings.set(guild, DAILY, 250L);
        settings.set(guild, DMS, false);
        assertThat(settings.get(guild, DAILY)).isEqualTo(250L);
        assertThat(settings.get(guild, DMS)).isFalse();
        assertThat(settings.get(guild + 1, DAILY)).as("another guild").isEqualTo(100L);
        settings.reset(guild, DAILY);
        assertThat(settings.get(guild, DAILY)).isEqualTo(100L);
    }

    @Test
    void badValueIsRefusedByNameAndNothingIsStored() {
        long guild = System.nanoTime();
        settings.set(guild, DAILY, 500L);
        assertThatThrownBy(() -> settings.set(guild, DAILY, 5_000L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("itest/daily.amount cannot be \"5000\"; expected a whole number from 1 to 1000.");
        assertThatThrownBy(() -> DAILY.parse("many")).hasMessageContaining("expected a whole number from 1 to 1000");
        assertThat(settings.get(guild, DAILY)).isEqualTo(500L);
        assertThat(DMS.parse("off")).isFalse();
    }
}
