/** An example backend extension: a backend type and the T2I parameter its backends read. */
@Extension(value = "solidcolor", name = "Solid Color", description = "A backend type that paints every image in one "
        + "color, and the Solid Color parameter that picks it.", author = "Apiary", license = "Apache-2.0", tags = "backend")
package apiary.ext.solidcolor;

import apiary.core.api.extension.Extension;
