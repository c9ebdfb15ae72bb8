/**
 * What every interaction handler shares: answering the user, refusing clearly, checking
 * permissions. Commands ({@link org.hotcog.api.command}) and buttons, menus and modals
 * ({@link org.hotcog.api.component}) build on it.
 */
@Export
@Version("1.0.0")
package org.hotcog.api.interaction;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
