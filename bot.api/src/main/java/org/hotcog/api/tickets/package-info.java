/**
 * What the tickets module tells other bundles: the Event Admin topics it posts when a ticket is
 * opened, claimed and closed, and their property keys. A bundle that counts support work or
 * rewards helpers listens to these topics and never imports the tickets module's classes.
 */
@Export
@Version("1.0.0")
package org.hotcog.api.tickets;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
