package org.hotcog.core.internal.dispatch;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How the dispatcher runs handlers. The defaults suit a bot of a few thousand guilds. */
@ObjectClassDefinition(id = DispatchConfig.PID, name = "Hotcog interaction dispatcher")
public @interface DispatchConfig {
    String PID = "org.hotcog.core.dispatch";

    @AttributeDefinition(name = "Threads per module", description = "Handlers of one module that may run at once.")
    int threadsPerModule() default 8;

    @AttributeDefinition(name = "Queue per module", description = "Interactions of one module that may wait; past it the user hears the module is busy.")
    int queuePerModule() default 500;

    @AttributeDefinition(name = "Defer after (ms)", description = "When a handler has not answered by then (checked every 100 ms), the core defers for it (Discord allows 3000 ms).")
    int deferAfterMillis() default 2_000;

    @AttributeDefinition(name = "Handler time-out (s)", description = "After this the user is told the command took too long.")
    int handlerTimeoutSeconds() default 60;

    @AttributeDefinition(name = "Wait for a module (s)", description = "How long an interaction for a module being replaced waits for its new version.")
    int moduleWaitSeconds() default 10;
}
