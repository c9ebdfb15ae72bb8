package org.hotcog.pterodactyl.internal.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** When a live status message is due for an edit. */
class EditPolicyTest {
    private final EditPolicy policy = new EditPolicy(10, Duration.ofSeconds(300), Duration.ofSeconds(5));
    private final EditPolicy.Shown shown = new EditPolicy.Shown("running", 40, 100_000);

    @Test
    void aStateChangeOrACpuMovePastTheThresholdButNeverWithinTheLeastInterval() {
        assertThat(policy.due(shown, "stopping", 40, 104_999)).isFalse();
        assertThat(policy.due(shown, "stopping", 40, 105_000)).isTrue();
        assertThat(policy.due(shown, "running", 49.9, 200_000)).isFalse();
        assertThat(policy.due(shown, "running", 50, 105_000)).isTrue();
        assertThat(policy.due(shown, "running", 30, 105_000)).isTrue();
    }

    @Test
    void theForcedIntervalAndAnUnknownMessage() {
        assertThat(policy.due(shown, "running", 40, 399_999)).isFalse();
        assertThat(policy.due(shown, "running", 40, 400_000)).isTrue();
        assertThat(policy.due(null, "running", 40, 0)).isTrue();
    }

    @Test
    void discordsLimitCannotBeConfiguredAway() {
        assertThatThrownBy(() -> new EditPolicy(10, Duration.ofSeconds(300), Duration.ofSeconds(4)))
                .hasMessageContaining("minIntervalSeconds: at least 5");
        assertThatThrownBy(() -> new EditPolicy(0, Duration.ofSeconds(300), Duration.ofSeconds(5)))
                .hasMessageContaining("cpuThreshold");
        assertThatThrownBy(() -> new EditPolicy(10, Duration.ofSeconds(4), Duration.ofSeconds(5)))
                .hasMessageContaining("forcedIntervalSeconds");
    }
}
