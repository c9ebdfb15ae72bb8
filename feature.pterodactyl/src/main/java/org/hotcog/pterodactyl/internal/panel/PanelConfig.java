package org.hotcog.pterodactyl.internal.panel;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One Pterodactyl panel: a factory configuration, one per panel, so that several panels serve the guilds at once.
 * The keys are secrets: the core stores them sealed (the plain value typed in the Web Console is replaced by its
 * sealed form), and they are never logged or shown.
 */
@ObjectClassDefinition(id = PanelConfig.PID, name = "Hotcog Pterodactyl panel",
        description = "A Pterodactyl panel whose game servers the listed guilds watch and control from Discord.")
public @interface PanelConfig {
    String PID = "org.hotcog.pterodactyl.panel";

    @AttributeDefinition(name = "Name", description = "How members and admins name this panel: 1 to 32 of a-z, 0-9, "
            + "- and _. Unique across panels; server references look like name/identifier.")
    String name();

    @AttributeDefinition(name = "URL", description = "The panel's address, e.g. https://panel.example.com.")
    String url();

    @AttributeDefinition(name = "Client key", type = AttributeType.PASSWORD,
            description = "A client API key (ptlc_…) of an account that sees the servers to show.")
    String _clientKey();

    @AttributeDefinition(name = "Application key", type = AttributeType.PASSWORD, required = false,
            description = "Optional: an application API key (ptla_…), for node and allocation details.")
    String _applicationKey() default "";

    @AttributeDefinition(name = "Guilds", description = "The ids of the Discord guilds that may use this panel.")
    String[] guilds();
}
