package org.hotcog.core.internal.dispatch;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How long the command log keeps its rows: one for each interaction, it would otherwise grow without end. */
@ObjectClassDefinition(id = CommandLogConfig.PID, name = "Hotcog command log")
public @interface CommandLogConfig {
    String PID = "org.hotcog.core.commandlog";

    @AttributeDefinition(name = "Kept (days)", min = "0", description = "Rows older than this are deleted, a few "
            + "thousand at a time, once an hour; 0 keeps every row.")
    int keepDays() default 90;
}
