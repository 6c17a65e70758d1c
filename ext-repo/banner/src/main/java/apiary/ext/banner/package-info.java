/** A welcome banner: a server setting, a route that reads it and a script that shows it. */
@Extension(value = "banner", name = "Banner", description = "Shows a welcome banner whose text is a server setting.",
        author = "Apiary", license = "Apache-2.0", tags = "ui")
package apiary.ext.banner;

import apiary.core.api.extension.Extension;
