package apiary.core.api.extension;

/**
 * Manifest headers and capability names that make a bundle an Apiary extension. An extension is one or more
 * bundles; the main bundle declares the capability below (write it with the {@link Extension} annotation), and
 * the extension repository index holds it so clients can list extensions before installing:
 *
 * <pre>
 * Provide-Capability: apiary.extension;apiary.extension=hello;name="Hello";description="Says hello.";\
 *   author="Apiary";license="Apache-2.0";tags:List&lt;String&gt;="tools"
 * Apiary-ExtensionFiles: web
 * </pre>
 */
public final class ExtensionHeaders {
    private ExtensionHeaders() {
    }

    /** Capability namespace declaring an extension; its attribute of the same name is the extension name. */
    public static final String EXTENSION_NAMESPACE = "apiary.extension";

    /** Attribute: display name. */
    public static final String NAME = "name";
    /** Attribute: one-line description. */
    public static final String DESCRIPTION = "description";
    /** Attribute: author. */
    public static final String AUTHOR = "author";
    /** Attribute: licence id. */
    public static final String LICENSE = "license";
    /** Attribute: {@code List<String>} of tags (SwarmUI's: parameters, tabs, ui, tools, nodes, backend...). */
    public static final String TAGS = "tags";

    /** The tag that keeps an extension out of the list of available extensions (SwarmUI's {@code hidden}). */
    public static final String TAG_HIDDEN = "hidden";
    /** The tag marking an extension that adds backend types; its updates count as backend updates. */
    public static final String TAG_BACKEND = "backend";

    /**
     * Manifest header naming a folder inside the bundle whose files are served at
     * {@code /ExtensionFile/<extension>/<path>} with no authentication, while the bundle is active. The bundle
     * must also declare the {@link #EXTENSION_NAMESPACE} capability, which gives the {@code <extension>} part.
     */
    public static final String EXTENSION_FILES = "Apiary-ExtensionFiles";
}
