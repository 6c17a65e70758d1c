/** Extension metadata: manifest headers and capability names an extension bundle declares. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package apiary.core.api.extension;
