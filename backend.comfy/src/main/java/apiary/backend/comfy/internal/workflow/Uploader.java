package apiary.backend.comfy.internal.workflow;

import apiary.backend.comfy.internal.client.ComfyException;
import apiary.core.api.t2i.MediaInput;

/** Puts an image into the ComfyUI server's input folder and names it there. */
@FunctionalInterface
public interface Uploader {
    /**
     * @param image the image
     * @param index a number unique within the job
     * @return the name a {@code LoadImage} node reads it by
     * @throws ComfyException when the upload fails
     */
    String upload(MediaInput image, int index) throws ComfyException;
}
