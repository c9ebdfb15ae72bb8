package org.hotcog.core.internal.dispatch;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A flight-recorder event spanning the dispatcher's own work for one interaction: from JDA handing
 * over the event to the handler starting on its module's thread (lookup, the executor's queue, the
 * wake-up of the module's thread). It costs nothing unless a recording is running;
 * {@code bench/dispatch-overhead.sh} reads its durations.
 */
@Name("org.hotcog.HandOff")
@Label("Interaction hand-off")
@Category("Hotcog")
@Description("From the gateway event to the handler starting")
@StackTrace(false)
final class HandOffEvent extends Event {
    @Label("Module")
    String module;

    @Label("Interaction")
    String label;
}
