package io.github.spencerpark.jupyter.kernel.display;

import java.util.LinkedHashMap;
import java.util.Map;

/** A stand-in for the base kernel's MIME bundle. */
public class DisplayData {
    public final Map<String, Object> data = new LinkedHashMap<>();
    public String displayId;

    public DisplayData(String text) {
        putData("text/plain", text);
    }

    public void putData(String mimeType, Object value) {
        data.put(mimeType, value);
    }

    public void setDisplayId(String id) {
        displayId = id;
    }
}
