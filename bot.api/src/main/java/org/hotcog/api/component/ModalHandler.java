package org.hotcog.api.component;

import org.osgi.annotation.versioning.ConsumerType;

/** Handles submitted modals whose custom id starts with the {@link CustomIdPrefix} of this component. */
@ConsumerType
public interface ModalHandler {
    void handle(ModalContext ctx) throws Exception;
}
