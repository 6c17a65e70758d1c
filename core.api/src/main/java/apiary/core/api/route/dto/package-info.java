/** Plain data views of the route registry: registered, refused and shadowed routes. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package apiary.core.api.route.dto;
