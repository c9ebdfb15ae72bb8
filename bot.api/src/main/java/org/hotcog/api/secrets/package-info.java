/**
 * Secrets a module keeps: API keys of game-server panels, AI providers and the like, entered by
 * an operator or a member and stored in the module's tables or configuration. Such a value is
 * kept only in its sealed form ({@link org.hotcog.api.secrets.SecretBox#seal}), which is
 * encrypted and authenticated with the bot's secret key, and shown only redacted
 * ({@link org.hotcog.api.secrets.SecretBox#redact}).
 *
 * {@snippet :
 * @Component(service = PanelKeys.class)
 * public final class PanelKeys {
 *     private final SecretBox secrets;
 *
 *     @Activate
 *     public PanelKeys(@Reference SecretBox secrets) {
 *         this.secrets = secrets;
 *     }
 *
 *     void link(long userId, String clientKey) {
 *         store(userId, secrets.seal(clientKey)); // only the sealed text reaches the database
 *     }
 * }
 * }
 */
@Export
@Version("1.0.0")
package org.hotcog.api.secrets;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
