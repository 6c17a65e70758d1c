/** Prompt statistics, computed by the separate textkit library bundle. */
@Extension(value = "promptstats", name = "Prompt Stats", description = "Counts the words and estimated tokens of a prompt.",
        author = "Apiary", license = "Apache-2.0", tags = {"tools", "parameters"})
package apiary.ext.promptstats;

import apiary.core.api.extension.Extension;
