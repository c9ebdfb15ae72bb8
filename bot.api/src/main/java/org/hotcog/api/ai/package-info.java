/**
 * What the AI module tells other bundles: the Event Admin topic it posts after each call to an AI
 * provider, and its property keys. The events carry who asked, where, which provider and model, the
 * tokens, the latency and how the call ended; never the question or the answer. A bundle that bills,
 * rewards or watches AI use listens to this topic and never imports the AI module's classes.
 */
@Export
@Version("1.0.0")
package org.hotcog.api.ai;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
