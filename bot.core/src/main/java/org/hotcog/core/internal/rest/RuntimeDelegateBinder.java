package org.hotcog.core.internal.rest;

import javax.ws.rs.ext.RuntimeDelegate;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Makes {@code Response.status(...)} and the other static JAX-RS factories work in every bundle.
 *
 * <p>The JAX-RS API finds its implementation through {@code ServiceLoader}, which inside OSGi
 * needs a weaving extender (SPI Fly) that costs start time and memory. The whiteboard registers its
 * {@link RuntimeDelegate} as a service; handing that to the API once is all the weaving achieved.
 */
@Component(immediate = true, service = {})
public final class RuntimeDelegateBinder {
    @Activate
    public RuntimeDelegateBinder(@Reference RuntimeDelegate delegate) {
        RuntimeDelegate.setInstance(delegate);
    }
}
