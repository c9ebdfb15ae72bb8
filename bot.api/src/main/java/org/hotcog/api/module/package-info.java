/**
 * What makes a bundle a Hotcog module (a feature, or "cog").
 */
@Export
@Version("1.0.0")
package org.hotcog.api.module;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
