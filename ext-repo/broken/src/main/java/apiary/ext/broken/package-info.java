/** A test fixture: its only component fails to activate, so its route never appears. */
@Extension(value = "broken", name = "Broken", description = "Always fails to activate (a test fixture).",
        author = "Apiary", license = "Apache-2.0", tags = {"hidden", "beta"})
package apiary.ext.broken;

import apiary.core.api.extension.Extension;
