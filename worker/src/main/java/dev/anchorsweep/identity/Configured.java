package dev.anchorsweep.identity;

import java.util.Map;
import java.util.TreeMap;

/**
 * A thing built from one config entry of a kind (a regularizer, an intervention). Its canonical form is the entry as
 * resolved: {@code type} and every setting by its config name, defaults filled in.
 */
public interface Configured extends Canonical {

    /** The kind's name in config files ({@code type = …}), e.g. {@code anti-anchor}. */
    String kind();

    /** The settings by their config names, e.g. {@code direction}, {@code hemi}; values are canonical forms. */
    Map<String, Object> settings();

    @Override
    default Object canonicalForm() {
        Map<String, Object> form = new TreeMap<>(settings());
        form.put("type", kind());
        return form;
    }
}
