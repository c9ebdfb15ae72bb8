package org.hotcog.api.component;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * The custom-id prefix a {@link ComponentHandler} or {@link ModalHandler} claims. By convention
 * the module's name and a colon: {@code economy:}, {@code tickets:close:}. Service property
 * {@code hotcog.custom.id.prefix}.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface CustomIdPrefix {
    /** Prefix of the service property name. */
    String PREFIX_ = "hotcog.";

    /** The prefix; at least 2 characters, at most 50. */
    String value();
}
