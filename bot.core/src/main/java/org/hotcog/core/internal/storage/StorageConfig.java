package org.hotcog.core.internal.storage;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The database connection, published by the configuration publisher from hotcog.properties. The
 * password is not here: configurations are stored in plain text, so it comes from {@code Secrets}.
 */
@ObjectClassDefinition(id = StorageConfig.PID, name = "Hotcog database",
        description = "The database every Hotcog bundle stores its tables in.")
public @interface StorageConfig {
    String PID = "org.hotcog.core.storage";

    @AttributeDefinition(name = "JDBC URL", description = "jdbc:h2:... or jdbc:postgresql://...")
    String url();

    @AttributeDefinition(name = "User")
    String user() default "";

    @AttributeDefinition(name = "Pool size", description = "Most connections open at once.", min = "1", max = "200")
    int poolSize() default 10;
}
