package apiary.core.api.extension;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.annotation.bundle.Attribute;
import org.osgi.annotation.bundle.Capability;

/**
 * Declares the bundle as an Apiary extension, with the metadata users see before installing it. Put it on a
 * {@code package-info.java} of the extension's main bundle; bnd turns it into the manifest capability
 * {@value ExtensionHeaders#EXTENSION_NAMESPACE} that the repository index carries:
 *
 * <pre>{@code
 * @Extension(value = "hello", name = "Hello", description = "Greets people.", author = "Apiary",
 *         license = "Apache-2.0", tags = "tools")
 * package apiary.ext.hello;
 * }</pre>
 *
 * The extension's version is its bundle version. Library bundles an extension depends on do not carry this
 * annotation: they are installed and removed with the extensions that need them.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Capability(namespace = ExtensionHeaders.EXTENSION_NAMESPACE)
public @interface Extension {
    /** The extension name used by the API ({@code InstallExtension}...) and by {@code /ExtensionFile/<name>/}. */
    @Attribute(ExtensionHeaders.EXTENSION_NAMESPACE)
    String value();

    /** The display name. */
    @Attribute(ExtensionHeaders.NAME)
    String name() default "";

    /** One line saying what the extension does. */
    @Attribute(ExtensionHeaders.DESCRIPTION)
    String description() default "";

    /** Who wrote it. */
    @Attribute(ExtensionHeaders.AUTHOR)
    String author() default "";

    /** The licence id, e.g. {@code Apache-2.0}. */
    @Attribute(ExtensionHeaders.LICENSE)
    String license() default "";

    /** SwarmUI's tags: parameters, tabs, ui, tools, nodes, backend, hidden, paid, beta, conflicts, lowquality. */
    @Attribute(ExtensionHeaders.TAGS)
    String[] tags() default {};
}
