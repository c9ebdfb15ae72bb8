/**
 * What the economy module tells other bundles: the Event Admin topics it posts and their property
 * keys. A levels module gives experience for coins earned by listening to these topics, never by
 * importing the economy module's classes, so that each keeps working while the other is stopped.
 */
@Export
@Version("1.0.0")
package org.hotcog.api.economy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
