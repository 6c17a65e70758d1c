/** Measurements of prompt text: words, characters, an estimate of model tokens. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package apiary.ext.textkit;
