/**
 * Local AI providers on 127.0.0.1 that speak the real wire formats of OpenAI-compatible chat completions, Ollama and
 * Gemini (streaming and not, model lists, errors), with scripted answers and injected failures, for tests and the
 * offline demo.
 *
 * <p>Start one with {@link org.hotcog.emulator.ai.LocalAiProvider#start()}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.hotcog.emulator.ai;
