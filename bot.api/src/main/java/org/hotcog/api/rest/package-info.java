/**
 * REST conventions shared by every bundle that contributes resources to Hotcog's JAX-RS
 * application under {@code /api}.
 */
@Export
@Version("1.1.0")
package org.hotcog.api.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
