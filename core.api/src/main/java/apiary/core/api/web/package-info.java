/**
 * GET file routes: URL spaces such as {@code /ViewSpecial/...} or {@code /View/...} that bundles serve with files or
 * images rather than JSON API calls.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package apiary.core.api.web;
