/**
 * {@code InstallConfirmWS}, SwarmUI's first-run setup over WebSocket: allowed only with the {@code install}
 * permission and only while the hidden server setting {@code isinstalled} is false, one run at a time.
 *
 * <p>Frames are SwarmUI's: {@code {"info": line}}, {@code {"progress","total","steps","total_steps","per_second"}},
 * then {@code {"success": true}}; a failure ends with {@code {"info": "Error: ..."}} and {@code {"error": ...}}.
 *
 * <p>Deliberate differences from SwarmUI, each so that a failed or repeated setup loses nothing:
 * <ul>
 * <li>All input is checked before anything changes, and model downloads (the step most likely to fail) run first,
 *     through the model bundle's {@link apiary.core.api.model.ModelDownloads} (a temporary file, SHA-256-checked, with
 *     connect and read time limits); a failed download ends the setup with
 *     a clear error and leaves the server unchanged, so it can be run again (SwarmUI marks the server installed before
 *     downloading and only logs a failed download).</li>
 * <li>The "installed" mark is written last; if anything fails before it (the client leaving included), the backend
 *     entry just added is removed again.</li>
 * <li>Choosing ComfyUI adds a {@code comfyui_selfstart} backend entry (SwarmUI's installer semantics) but does not
 *     download and install ComfyUI itself; the entry waits until the ComfyUI driver bundle is installed.</li>
 * <li>{@code installed_for} cannot change the listen address, which is the launcher's {@code --host}; the LAN choice
 *     says so.</li>
 * </ul>
 */
package apiary.core.sessions.internal.install;
