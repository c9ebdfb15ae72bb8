package org.hotcog.core.internal.discord;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;

/**
 * Connects to a configured gateway (a Discord-compatible server, such as the local Discord)
 * instead of the one Discord names; JDA's default asks Discord's own address.
 */
final class FixedGatewaySessionController extends ConcurrentSessionController {
    private final String gatewayUrl;
    private final int shardTotal;

    FixedGatewaySessionController(String gatewayUrl, int shardTotal) {
        this.gatewayUrl = gatewayUrl;
        this.shardTotal = shardTotal;
    }

    @Override
    public String getGateway() {
        return gatewayUrl;
    }

    @Override
    public ShardedGateway getShardedGateway(JDA api) {
        return shardTotal > 0 ? new ShardedGateway(gatewayUrl, shardTotal) : super.getShardedGateway(api);
    }
}
