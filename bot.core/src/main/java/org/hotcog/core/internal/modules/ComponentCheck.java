package org.hotcog.core.internal.modules;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Tells whether a started bundle's components came up. A component that provides a service is
 * normally created only when first used, so a failure in its activation would show with the first
 * user's interaction; this check uses each such service once, so that it fails now, while the
 * previous version can still be put back.
 */
final class ComponentCheck {
    private final BundleContext context;
    private final ServiceComponentRuntime scr;

    ComponentCheck(BundleContext context, ServiceComponentRuntime scr) {
        this.context = context;
        this.scr = scr;
    }

    /** The failures of the bundle's components, one sentence each; empty when all that can run do. */
    List<String> failures(Bundle bundle) {
        List<String> failures = new ArrayList<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
            if (!scr.isComponentEnabled(description)) {
                continue;
            }
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.SATISFIED
                        && description.serviceInterfaces.length > 0) {
                    useOnce(configuration.id);
                }
            }
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    failures.add("component " + description.name + " failed to activate: "
                            + firstLine(configuration.failure));
                }
            }
        }
        return failures;
    }

    /** Components waiting for a reference or a configuration: not a failure, but worth telling. */
    List<String> waiting(Bundle bundle) {
        List<String> waiting = new ArrayList<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                    waiting.add(description.name + " waits for "
                            + (configuration.unsatisfiedReferences.length == 0 ? "a service"
                                    : configuration.unsatisfiedReferences[0].name));
                } else if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION) {
                    waiting.add(description.name + " waits for its configuration");
                }
            }
        }
        return waiting;
    }

    private void useOnce(long componentId) {
        ServiceReference<?>[] references;
        try {
            references = context.getServiceReferences((String) null, "(component.id=" + componentId + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        for (ServiceReference<?> reference : references == null ? new ServiceReference<?>[0] : references) {
            if (context.getService(reference) != null) {
                context.ungetService(reference);
            }
        }
    }

    /** The exception's message without the stack trace or Java class names, which the log has. */
    private static String firstLine(String failure) {
        String first = failure == null ? "" : failure.lines().findFirst().orElse("");
        String message = first.replaceFirst("^[\\w.$]+(Exception|Error)(: )?", "").strip();
        return message.isEmpty() ? "no reason given (see the log)" : message;
    }
}
