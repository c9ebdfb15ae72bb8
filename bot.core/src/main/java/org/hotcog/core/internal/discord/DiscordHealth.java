package org.hotcog.core.internal.discord;

import java.io.IOException;
import java.util.Map;

import org.hotcog.core.internal.config.ConfigurationPublisher;
import org.hotcog.core.internal.health.HealthCheck;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The Discord part of {@code /api/health}. A connection that is configured (a token, or the
 * offline demo) but not up yet is unhealthy, so that "ready" means the bot answers commands;
 * no connection configured at all is reported as disabled, which is not a failure.
 */
@Component
public final class DiscordHealth implements HealthCheck {
    private final ConfigurationAdmin configurationAdmin;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DiscordGateway gateway;

    @Activate
    public DiscordHealth(@Reference ConfigurationAdmin configurationAdmin) {
        this.configurationAdmin = configurationAdmin;
    }

    @Override
    public String name() {
        return "discord";
    }

    @Override
    public Health check() {
        DiscordGateway current = gateway;
        if (current != null) {
            return current.health();
        }
        boolean expected = exists(DiscordConfig.PID) || exists(ConfigurationPublisher.OFFLINE_PID);
        return new Health(!expected, Map.of("state", expected ? "CONNECTING" : "DISABLED"));
    }

    private boolean exists(String pid) {
        try {
            return configurationAdmin.listConfigurations("(service.pid=" + pid + ")") != null;
        } catch (IOException | InvalidSyntaxException e) {
            return false;
        }
    }
}
