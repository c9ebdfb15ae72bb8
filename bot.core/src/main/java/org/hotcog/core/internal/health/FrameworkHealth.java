package org.hotcog.core.internal.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hotcog.api.module.ModuleHeaders;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The framework is healthy when it runs and every core bundle is active. Feature bundles are
 * left out: an operator may stop one on purpose.
 */
@Component
public final class FrameworkHealth implements HealthCheck {
    private final BundleContext context;

    @Activate
    public FrameworkHealth(BundleContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "framework";
    }

    @Override
    public Health check() {
        Bundle[] bundles = context.getBundles();
        List<String> inactiveCore = new ArrayList<>();
        int active = 0;
        for (Bundle bundle : bundles) {
            if (bundle.getState() == Bundle.ACTIVE) {
                active++;
            } else if (!isFragment(bundle) && !isWaitingForLazyActivation(bundle)
                    && bundle.getHeaders("").get(ModuleHeaders.MODULE) == null) {
                inactiveCore.add(bundle.getSymbolicName());
            }
        }
        boolean running = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).getState() == Bundle.ACTIVE;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", running ? "ACTIVE" : "STOPPING");
        details.put("bundles", bundles.length);
        details.put("active", active);
        details.put("inactiveCore", inactiveCore);
        return new Health(running && inactiveCore.isEmpty(), details);
    }

    /** A lazy bundle stays STARTING until a class is first loaded from it: that is its normal state. */
    static boolean isWaitingForLazyActivation(Bundle bundle) {
        String policy = bundle.getHeaders("").get(Constants.BUNDLE_ACTIVATIONPOLICY);
        return bundle.getState() == Bundle.STARTING && policy != null
                && policy.startsWith(Constants.ACTIVATION_LAZY);
    }

    static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
    }
}
