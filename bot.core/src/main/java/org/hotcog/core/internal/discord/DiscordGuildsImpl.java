package org.hotcog.core.internal.discord;

import java.util.Optional;

import org.hotcog.api.gateway.DiscordGuilds;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.entities.Guild;

/** {@link DiscordGuilds} from the live connection: it comes and goes with it. */
@Component(service = DiscordGuilds.class)
public final class DiscordGuildsImpl implements DiscordGuilds {
    private final DiscordGateway gateway;

    @Activate
    public DiscordGuildsImpl(@Reference DiscordGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public Optional<Guild> find(long guildId) {
        return Optional.ofNullable(gateway.shards().getGuildById(guildId));
    }
}
