package org.hotcog.core.internal.secrets;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Where the secret box finds a generated key; published from hotcog.properties. The key itself
 * never enters a configuration (ConfigAdmin stores them in plain text): it comes from
 * {@link org.hotcog.core.internal.config.Secrets}.
 */
@ObjectClassDefinition(id = SecretBoxConfig.PID, name = "Hotcog secret box",
        description = "Encrypts the secrets modules store. Set secret.key in hotcog.properties.")
public @interface SecretBoxConfig {
    String PID = "org.hotcog.core.secrets";

    @AttributeDefinition(name = "Data folder", description = "Holds the generated secret-key file.")
    String dataDir() default "data";
}
