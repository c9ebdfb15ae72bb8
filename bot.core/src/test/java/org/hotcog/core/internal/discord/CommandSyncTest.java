package org.hotcog.core.internal.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.data.DataObject;

/** What the command sync counts as a change: only what Discord would show differently. */
class CommandSyncTest {
    private static SlashCommandData bets(String description) {
        return Commands.slash("bets", description).addOptions(
                new OptionData(OptionType.NUMBER, "edge", "The house edge", true).setRequiredRange(0, 25),
                new OptionData(OptionType.INTEGER, "max", "The largest bet", true).setRequiredRange(1, 1_000_000_000_000L));
    }

    /** The command as Discord holds it: its JSON, read back with the numbers written the way JSON may write them. */
    private static CommandData readBack(SlashCommandData declared, String from, String to) {
        return CommandData.fromData(DataObject.fromJson(declared.toData().toString().replace(from, to)));
    }

    @Test
    void boundsWrittenAsDecimalsAreTheSameBounds() {
        SlashCommandData declared = bets("Sets the bets");
        CommandData held = readBack(declared, "\"min_value\":0", "\"min_value\":0.0");
        assertThat(held.toData().toMap()).as("JDA's own data differ in the number's type").isNotEqualTo(
                declared.toData().toMap());
        assertThat(CommandSync.same(List.of(declared), List.of(held))).isTrue();
        assertThat(CommandSync.same(List.of(declared), List.of(readBack(declared, "x", "x")))).isTrue();
    }

    @Test
    void aChangedDescriptionOrBoundIsAChange() {
        SlashCommandData declared = bets("Sets the bets");
        assertThat(CommandSync.same(List.of(declared), List.of(bets("Changes the bets")))).isFalse();
        assertThat(CommandSync.same(List.of(declared), List.of(readBack(declared, "\"max_value\":25",
                "\"max_value\":26")))).isFalse();
        assertThat(CommandSync.same(List.of(declared), List.of())).isFalse();
    }
}
