package org.hotcog.ai.internal.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.hotcog.ai.internal.MigratedDatabase;
import org.hotcog.ai.internal.settings.AiSettingsStore.Field;

/** A guild's choices, personas and access lists on H2 with the bundle's migrations. */
class AiSettingsStoreTest {

    private static final long GUILD = 10;
    private static final long CHANNEL = 20;

    private MigratedDatabase database;
    private AiSettingsStore store;

    @BeforeEach
    void setUp() throws SQLException {
        database = new MigratedDatabase();
        store = new AiSettingsStore(database.dataSource());
    }

    @AfterEach
    void tearDown() throws SQLException {
        database.close();
    }

    @Test
    void aChannelsChoiceOverridesTheGuildsValueByValue() throws SQLException {
        assertThat(store.choice(GUILD, CHANNEL)).isEqualTo(Choice.NONE);

        store.choose(GUILD, 0, Field.PROVIDER, "openai");
        store.choose(GUILD, 0, Field.MODEL, "gpt-4o-mini");
        store.choose(GUILD, CHANNEL, Field.MODEL, " llama3.1:8b ");
        store.choose(GUILD, CHANNEL, Field.PERSONA, "pirate");

        assertThat(store.choice(GUILD, CHANNEL)).isEqualTo(new Choice("openai", "llama3.1:8b", "pirate"));
        assertThat(store.choice(GUILD, CHANNEL + 1)).isEqualTo(new Choice("openai", "gpt-4o-mini", null));
        assertThat(store.choice(GUILD, 0)).isEqualTo(new Choice("openai", "gpt-4o-mini", null));

        store.choose(GUILD, CHANNEL, Field.MODEL, null);
        assertThat(store.choice(GUILD, CHANNEL).model()).isEqualTo("gpt-4o-mini");
        assertThatThrownBy(() -> store.choose(GUILD, 0, Field.PROVIDER, "x".repeat(33)))
                .hasMessageStartingWith("provider:");
    }

    @Test
    void personasAreDefinedRedefinedListedAndRemoved() throws SQLException {
        store.definePersona(GUILD, "Pirate", "Answer like a pirate.");
        store.definePersona(GUILD, "chef", "Answer like a chef.");
        store.definePersona(GUILD, "pirate", "Answer like a polite pirate.");

        assertThat(store.personas(GUILD)).containsExactly(java.util.Map.entry("chef", "Answer like a chef."),
                java.util.Map.entry("pirate", "Answer like a polite pirate."));
        assertThat(store.persona(GUILD, "PIRATE")).contains("Answer like a polite pirate.");
        assertThat(store.persona(GUILD + 1, "pirate")).isEmpty();
        assertThat(store.removePersona(GUILD, "chef")).isTrue();
        assertThat(store.removePersona(GUILD, "chef")).isFalse();
        assertThatThrownBy(() -> store.definePersona(GUILD, "two words", "x")).hasMessageStartingWith("name:");
        assertThatThrownBy(() -> store.definePersona(GUILD, "long", "x".repeat(4_001)))
                .hasMessageStartingWith("prompt:");
    }

    @Test
    void aGuildHasAtMostTwentyFivePersonas() throws SQLException {
        for (int i = 0; i < AiSettingsStore.MAX_PERSONAS; i++) {
            store.definePersona(GUILD, "p" + i, "prompt " + i);
        }

        assertThatThrownBy(() -> store.definePersona(GUILD, "one-more", "x")).hasMessageContaining("at most 25");
        store.definePersona(GUILD, "p0", "redefined");
        assertThat(store.personas(GUILD)).hasSize(AiSettingsStore.MAX_PERSONAS).containsEntry("p0", "redefined");
    }

    @Test
    void aTargetIsOnOneListAtATime() throws SQLException {
        store.putRule(GUILD, new AccessRule(AccessRule.Kind.ROLE, 5, true));
        store.putRule(GUILD, new AccessRule(AccessRule.Kind.USER, 7, true));
        store.putRule(GUILD, new AccessRule(AccessRule.Kind.USER, 7, false));

        assertThat(store.rules(GUILD)).containsExactly(new AccessRule(AccessRule.Kind.ROLE, 5, true),
                new AccessRule(AccessRule.Kind.USER, 7, false));
        assertThat(store.removeRule(GUILD, AccessRule.Kind.USER, 7)).isTrue();
        assertThat(store.rules(GUILD)).containsExactly(new AccessRule(AccessRule.Kind.ROLE, 5, true));
        assertThat(store.rules(GUILD + 1)).isEmpty();
        assertThat(AccessPolicy.refusal(store.rules(GUILD), 7, Set.of(5L), CHANNEL, 0)).isEmpty();
    }
}
