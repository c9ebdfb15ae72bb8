/**
 * Per-guild settings of any module, typed, validated and with defaults: declare each setting
 * once as a {@link org.hotcog.api.settings.GuildSetting} constant, then read and write it through
 * the {@link org.hotcog.api.settings.GuildSettings} service.
 *
 * {@snippet :
 * static final GuildSetting<Long> DAILY_AMOUNT =
 *         GuildSetting.number("economy", "daily.amount", 100, 1, 1_000_000, "Coins paid by /daily");
 *
 * long amount = settings.get(guild.getIdLong(), DAILY_AMOUNT);
 * }
 */
@Export
@Version("1.0.0")
package org.hotcog.api.settings;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
