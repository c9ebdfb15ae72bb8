/**
 * What the moderation module tells other bundles: the Event Admin topics it posts and their
 * property keys. A bundle that reacts to moderation (a levels module resetting a banned member,
 * a dashboard) listens to these topics and never imports the moderation module's classes.
 */
@Export
@Version("1.0.0")
package org.hotcog.api.moderation;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
