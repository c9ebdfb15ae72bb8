package org.hotcog.core.internal.logging;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies warnings and errors from the OSGi Log Service into Hotcog's log, so that what the
 * framework and SCR report (a bundle that fails to start, a component that fails to activate)
 * reaches the operator. Hotcog's own code logs through SLF4J directly.
 */
@Component(service = {}, immediate = true)
public final class LogForwarder implements LogListener {
    private final LogReaderService reader;

    @Activate
    public LogForwarder(@Reference LogReaderService reader) {
        this.reader = reader;
        reader.addLogListener(this);
    }

    @Deactivate
    void deactivate() {
        reader.removeLogListener(this);
    }

    @Override
    public void logged(LogEntry entry) {
        LogLevel level = entry.getLogLevel();
        if (level != LogLevel.ERROR && level != LogLevel.WARN) {
            return;
        }
        String source = entry.getBundle() == null ? "framework" : entry.getBundle().getSymbolicName();
        Logger log = LoggerFactory.getLogger(source);
        if (level == LogLevel.ERROR) {
            log.error(entry.getMessage(), entry.getException());
        } else {
            log.warn(entry.getMessage(), entry.getException());
        }
    }
}
