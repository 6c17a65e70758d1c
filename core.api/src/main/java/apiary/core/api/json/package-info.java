/** JSON text to and from plain Java values, so that bundles need no JSON library of their own. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package apiary.core.api.json;
