package dev.anchorsweep.config;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;

/**
 * The defaults of each kind's settings, from the worker's {@code reference.conf}: {@code anchor-sweep.kinds.<family>
 * .<kind>}, e.g. {@code anchor-sweep.kinds.regularizers.separate { power = 100, shift = true }}. A setting without a
 * default there must be given in the config.
 */
final class KindDefaults {

    static final String PATH = "anchor-sweep.kinds";
    static final String REGULARIZERS = "regularizers";
    static final String INTERVENTIONS = "interventions";

    private KindDefaults() {
    }

    /** Every family's kinds and their defaults, as reference.conf has them. */
    static ConfigObject all() {
        return ConfigFactory.defaultReference().getObject(PATH);
    }

    /** The defaults of one kind; every kind has an entry, even if empty. */
    static ConfigObject of(String family, String kind) {
        ConfigValue f = all().get(family);
        ConfigValue k = f instanceof ConfigObject o ? o.get(kind) : null;
        if (!(k instanceof ConfigObject defaults)) {
            throw new IllegalStateException("reference.conf has no defaults for the " + family + " kind '" + kind
                    + "' (" + PATH + "." + family + "." + kind + " { … } is needed, even if empty)");
        }
        return defaults;
    }
}
