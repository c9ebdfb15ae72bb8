package org.hotcog.itest.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.hotcog.api.jobs.Jobs;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * The scheduler coming up after the modules' handlers are there, as it does when the database comes late (a
 * PostgreSQL server): a handler whose own activation needs the jobs service still runs its jobs.
 */
class JobSchedulerRestartTest {
    private static final String SCHEDULER = "org.hotcog.core.internal.jobs.JobScheduler";

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 20_000)
    ServiceComponentRuntime components;

    @Test
    void aHandlerThatNeedsTheJobsServiceRunsAfterTheSchedulerComesBack() throws Exception {
        awaitService(FollowUpJob.class);
        ComponentDescriptionDTO scheduler = schedulerDescription();
        components.disableComponent(scheduler).getValue();
        try {
            assertThat(context.getServiceReference(FollowUpJob.class)).as("gone with the jobs service").isNull();
        } finally {
            components.enableComponent(scheduler).getValue();
        }

        Jobs jobs = context.getService(awaitService(Jobs.class));
        FollowUpJob handler = context.getService(awaitService(FollowUpJob.class));
        assertThat(handler).as("the handler activates").isNotNull();
        String key = "after-restart-" + UUID.randomUUID();
        jobs.schedule(FollowUpJob.KIND, key, Instant.now());
        assertThat(handler.runs().poll(30, TimeUnit.SECONDS)).isEqualTo(key);
    }

    private ComponentDescriptionDTO schedulerDescription() {
        for (Bundle bundle : context.getBundles()) {
            if ("org.hotcog.bot.core".equals(bundle.getSymbolicName())) {
                return components.getComponentDescriptionDTO(bundle, SCHEDULER);
            }
        }
        throw new AssertionError("no bot.core bundle");
    }

    private <T> ServiceReference<T> awaitService(Class<T> type) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        ServiceReference<T> reference;
        while ((reference = context.getServiceReference(type)) == null && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(reference).as(type.getSimpleName()).isNotNull();
        return reference;
    }
}
