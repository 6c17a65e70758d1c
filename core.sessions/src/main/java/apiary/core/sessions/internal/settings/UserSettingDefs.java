package apiary.core.sessions.internal.settings;

import static apiary.core.api.settings.SettingDef.bool;
import static apiary.core.api.settings.SettingDef.decimal;
import static apiary.core.api.settings.SettingDef.dropdown;
import static apiary.core.api.settings.SettingDef.group;
import static apiary.core.api.settings.SettingDef.integer;
import static apiary.core.api.settings.SettingDef.text;

import java.util.ArrayList;
import java.util.List;

import apiary.core.api.settings.SettingDef;
import apiary.core.sessions.internal.catalog.Catalogs;

/**
 * The user settings tree (SwarmUI's {@code User.Settings}), every id with its type and default. The same tree is
 * the server's {@code defaultuser} group, where {@code roles} is editable by admins; in a user's own tree it is
 * restricted.
 */
public final class UserSettingDefs {
    /** The id of the restricted role list. */
    public static final String ROLES = "roles";

    private UserSettingDefs() {
    }

    /**
     * @param catalogs the option lists for themes, languages, sounds and autocompletion sources
     * @param rolesRestricted whether {@code roles} is marked restricted (true for a user's own tree)
     * @return the top-level nodes
     */
    public static List<SettingDef> tree(Catalogs catalogs, boolean rolesRestricted) {
        SettingDef roles = SettingDef.list("Roles", List.of("owner"), "The roles this user holds; their permissions stack.");
        List<SettingDef> out = new ArrayList<>();
        out.add(group("OutPathBuilder", "How output file paths are built.",
                text("Format", "raw/[year]-[month]-[day]/[hour][minute][request_time_inc]-[prompt]-[model]",
                        "Template for output paths; [tags] are filled in per image."),
                integer("MaxLenPerPart", 40, "Longest allowed length of one filled-in tag.").withRange(1, 1024),
                bool("ModelPathsSkipFolders", false, "Whether model names in paths drop their folders.")));
        out.add(group("FileFormat", "The file format of saved images.",
                choice("ImageFormat", "PNG", "Image file type.", List.of("PNG", "JPG", "WEBP_LOSSLESS", "WEBP")),
                integer("ImageQuality", 100, "Quality for lossy formats, 1 to 100.").withRange(1, 100),
                bool("SaveMetadata", true, "Whether generation parameters are stored inside images."),
                choice("StealthMetadata", "false", "Whether metadata is also hidden in the pixels.",
                        List.of("false", "Alpha", "RGB")),
                integer("DPI", 0, "DPI written into images; 0 leaves it out.").withRange(0, 100_000),
                bool("SaveTextFileMetadata", false, "Whether a .txt file with the parameters is saved beside each image."),
                bool("ReformatTransientImages", false, "Whether images that are not saved are converted too.")));
        out.add(group("UI", "User interface behaviour.",
                bool("TagMoveHotkeyEnabled", false, "Whether hotkeys can move prompt tags."),
                bool("CheckIfSureBeforeDelete", true, "Whether deleting asks for confirmation."),
                text("PresetListDetailsFields", "", "Extra preset fields shown in the list view."),
                bool("CopyTriggerPhraseWithTrailingComma", false, "Whether copied trigger phrases end with a comma."),
                bool("RemoveInterruptedGens", false, "Whether interrupted generations disappear from the batch view."),
                text("HideErrorMessages", "", "Error messages to hide, separated by |."),
                choice("DeleteImageBehavior", "next", "What the view shows after an image is deleted.",
                        List.of("nothing", "next", "previous")),
                choice("ImageShiftingCycles", "true", "Whether moving through images wraps around.",
                        List.of("true", "false", "only_arrows")),
                bool("DefaultHideMetadataInFullView", false, "Whether the full view hides metadata at first.")));
        out.add(group("ParamParsing", "How prompt syntax is read.",
                bool("AllowLoraStacking", true, "Whether one LoRA may be applied several times.")));
        out.add(bool("SaveFiles", true, "Whether generated images are saved to the server."));
        out.add(bool("StarNoFolders", false, "Whether starring an image leaves it in place instead of copying it."));
        out.add(rolesRestricted ? roles.asRestricted() : roles);
        out.add(dropdown("Theme", "modern_dark", "The UI theme.", () -> catalogs.themes().ids()));
        out.add(bool("CenterImageAlwaysGrow", false, "Whether the main image grows to fill its area."));
        out.add(bool("AutoSwapImagesIncludesFullView", false, "Whether new images also replace the full view."));
        out.add(text("ButtonsUnderMainImages", "", "Buttons shown under the main image, separated by commas."));
        out.add(choice("ImageMetadataFormat", "auto", "Where image metadata is shown.", List.of("auto", "below", "side")));
        out.add(bool("ResetBatchSizeToOne", false, "Whether the batch size returns to 1 when the page loads."));
        out.add(choice("HintFormat", "BUTTON", "How parameter hints are shown.",
                List.of("BUTTON", "HOVER", "HOVER_DELAY", "NONE")));
        out.add(decimal("HoverDelaySeconds", 0.5, "Delay before a hover hint appears.").withRange(0, 3600));
        out.add(integer("MaxPromptLines", 10, "Lines a prompt box grows to before scrolling.").withRange(1, 10_000));
        out.add(vaes());
        out.add(integer("MaxImagesInMiniGrid", 1, "Images shown in the small grid.").withRange(0, 10_000));
        out.add(integer("MaxImagesInHistory", 1000, "Images listed in the history view.").withRange(0, 10_000_000));
        out.add(integer("MaxImagesScannedInHistory", 10000, "Images scanned when building the history view.").withRange(0, 100_000_000));
        out.add(bool("ImageHistoryUsePreviews", true, "Whether the history view loads small previews."));
        out.add(integer("MaxSimulPreviews", 1, "Previews loaded at the same time.").withRange(1, 1000));
        out.add(bool("EnterKeyGenerates", true, "Whether Enter in the prompt box starts a generation."));
        out.add(decimal("GenerateForeverDelay", 0.1, "Seconds between rounds of generate-forever.").withRange(0, 86_400));
        out.add(integer("GenerateForeverQueueSize", 1, "Generations kept queued by generate-forever.").withRange(1, 1000));
        out.add(decimal("ParameterMemoryDurationHours", 6, "How long the page remembers parameter values.").withRange(0, 1_000_000));
        out.add(dropdown("Language", "en", "The UI language.", () -> catalogs.languages().codes()));
        out.add(text("ReuseParamExcludeList", "wildcardseed", "Parameters not copied when reusing an image's parameters."));
        out.add(group("Audio", "Sounds.",
                dropdown("CompletionSound", "", "Sound played when a generation finishes.", catalogs::completionSounds),
                decimal("Volume", 0.5, "Volume of that sound, 0 to 1.").withRange(0, 1),
                choice("VideoAudioBehavior", "last", "How videos with sound play.", List.of("last", "play", "silent"))));
        out.add(group("AutoComplete", "Prompt autocompletion.",
                dropdown("Source", "", "Word list used for autocompletion.", catalogs::autocompletionSources),
                bool("EscapeParens", true, "Whether parentheses in completed words are escaped."),
                text("Suffix", "", "Text appended to every completed word."),
                choice("MatchMode", "Bucketed", "How typed text matches words.", List.of("Bucketed", "Contains", "StartsWith")),
                choice("SortMode", "Active", "How matches are ordered.", List.of("Active", "Alphabetical", "Frequency", "None")),
                choice("SpacingMode", "None", "How spaces and underscores in words are changed.",
                        List.of("None", "Spaces", "Underscores"))));
        return out;
    }

    /** A dropdown over a fixed list that refuses other values (later code relies on them). */
    private static SettingDef choice(String name, String def, String description, List<String> values) {
        return dropdown(name, def, description, values).withStrictValues();
    }

    private static SettingDef vaes() {
        List<String> none = List.of("None");
        return group("VAEs", "Default VAEs per model class.",
                dropdown("DefaultSDXLVAE", "None", "Default VAE for SDXL models.", none),
                dropdown("DefaultSDv1VAE", "None", "Default VAE for SD v1 models.", none),
                dropdown("DefaultSVDVAE", "None", "Default VAE for SVD models.", none),
                dropdown("DefaultFluxVAE", "None", "Default VAE for Flux models.", none),
                dropdown("DefaultFlux2VAE", "None", "Default VAE for Flux 2 models.", none),
                dropdown("DefaultSD3VAE", "None", "Default VAE for SD3 models.", none),
                dropdown("DefaultMochiVAE", "None", "Default VAE for Mochi models.", none),
                dropdown("DefaultQwenVAE", "None", "Default VAE for Qwen models.", none));
    }
}
