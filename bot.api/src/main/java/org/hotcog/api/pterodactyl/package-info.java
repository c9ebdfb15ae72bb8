/**
 * What the Pterodactyl module tells other bundles: the Event Admin topics it posts when a member sends a power
 * signal or a console command to a game server from Discord, and their property keys. A bundle that logs
 * moderation-relevant actions or alerts staff listens to these topics and never imports the module's classes.
 */
@Export
@Version("1.0.0")
package org.hotcog.api.pterodactyl;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
