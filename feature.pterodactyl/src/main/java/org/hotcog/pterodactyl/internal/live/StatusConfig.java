package org.hotcog.pterodactyl.internal.live;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** When live status messages are edited, and how much history their graphs show. */
@ObjectClassDefinition(id = StatusConfig.PID, name = "Hotcog Pterodactyl live status",
        description = "How often live status messages of game servers are edited.")
public @interface StatusConfig {
    String PID = "org.hotcog.pterodactyl.status";

    @AttributeDefinition(name = "CPU threshold (%)", description = "A message is edited when the server's CPU moved "
            + "at least this much (in percent of its CPU limit) since the message was last edited.")
    double cpuThreshold() default 10;

    @AttributeDefinition(name = "Forced interval (s)", description = "A message is edited at least this often, "
            + "changed or not, so that uptime and network stay current.")
    int forcedIntervalSeconds() default 300;

    @AttributeDefinition(name = "Least interval (s)", description = "A message is never edited more often than "
            + "this; at least 5.")
    int minIntervalSeconds() default 5;

    @AttributeDefinition(name = "Graph window (min)", description = "How much CPU and memory history the graphs "
            + "show, 1 to 1440 minutes.")
    int graphWindowMinutes() default 10;
}
