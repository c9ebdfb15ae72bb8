package org.hotcog.pterodactyl.internal.command;

import java.util.List;

import org.hotcog.api.component.CustomIdPrefix;
import org.hotcog.api.component.ModalContext;
import org.hotcog.api.component.ModalHandler;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.pterodactyl.internal.access.MemberKeys;
import org.hotcog.pterodactyl.internal.client.PanelClient;
import org.hotcog.pterodactyl.internal.client.PanelException;
import org.hotcog.pterodactyl.internal.client.PanelServerInfo;
import org.hotcog.pterodactyl.internal.panel.Panel;
import org.hotcog.pterodactyl.internal.panel.PanelRegistry;
import org.hotcog.pterodactyl.internal.servers.PanelRefusals;
import org.hotcog.pterodactyl.internal.servers.ServerAccess;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.dv8tion.jda.api.interactions.modals.ModalMapping;

/**
 * The form of {@code /ptero link}: the key is checked against the panel (it must list servers) and stored sealed.
 * The key is never repeated, not even redacted, in the answer or the log.
 */
@Component
@CustomIdPrefix(LinkForm.PREFIX)
public final class LinkForm implements ModalHandler {
    static final String PREFIX = "ptero:link:";
    static final String KEY = "key";
    private static final Logger LOG = LoggerFactory.getLogger(LinkForm.class);

    private final PanelRegistry panels;
    private final MemberKeys keys;
    private final ServerAccess access;

    @Activate
    public LinkForm(@Reference PanelRegistry panels, @Reference MemberKeys keys, @Reference ServerAccess access) {
        this.panels = panels;
        this.keys = keys;
        this.access = access;
    }

    @Override
    public void handle(ModalContext ctx) {
        if (ctx.guild() == null) {
            throw new Refusal("Keys are linked in a server, not in direct messages.");
        }
        Panel panel = panels.forGuild(ctx.guild().getIdLong(), ctx.customIdSuffix())
                .orElseThrow(() -> new Refusal("The panel " + ctx.customIdSuffix() + " is no longer set up here."));
        ModalMapping typed = ctx.event().getValue(KEY);
        String key = typed == null ? "" : typed.getAsString().trim();
        try {
            PanelClient.validKey("key", key, "ptlc_");
        } catch (IllegalArgumentException e) {
            throw new Refusal("That is not a client API key: it starts with ptlc_ and has at least 16 letters or "
                    + "digits after it. Create one in the panel under Account → API Credentials.");
        }
        List<PanelServerInfo> servers;
        try {
            servers = panels.clientFor(panel, key).listServers();
        } catch (PanelException.Unauthorized e) {
            throw new Refusal("The panel " + panel.name() + " refused this key: check that you copied the whole key "
                    + "and that it is not deleted. Nothing was stored.");
        } catch (PanelException e) {
            throw PanelRefusals.of(panel.name(), panel.name(), e, true);
        }
        keys.link(ctx.user().getIdLong(), panel.name(), key);
        access.forgetMember(ctx.user().getIdLong(), panel);
        LOG.info("User {} linked a Pterodactyl key for panel {} ({} servers)", ctx.user().getIdLong(), panel.name(),
                servers.size());
        ctx.reply().sendEphemeral("Your key for the panel " + panel.name() + " is linked and stored encrypted. You "
                + "control the " + servers.size() + " server" + (servers.size() == 1 ? "" : "s") + " it sees"
                + (servers.isEmpty() ? "" : ": " + String.join(", ", servers.stream().limit(20)
                        .map(PanelServerInfo::name).toList()) + (servers.size() > 20 ? ", …" : "")) + ".");
    }
}
