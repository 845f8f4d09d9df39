package dev.anchorsweep.config;

import dev.anchorsweep.latent.LatentDims;
import dev.anchorsweep.latent.LatentDirection;
import dev.anchorsweep.latent.LatentVector;
import dev.anchorsweep.regularizer.Anchor;
import dev.anchorsweep.data.ColorSpec;
import dev.anchorsweep.regularizer.AntiAnchor;
import dev.anchorsweep.regularizer.AntiSubspace;
import dev.anchorsweep.regularizer.CapturedAnchor;
import dev.anchorsweep.regularizer.EuclideanAnchor;
import dev.anchorsweep.regularizer.EuclideanSeparate;
import dev.anchorsweep.regularizer.Planarity;
import dev.anchorsweep.regularizer.Regularizer;
import dev.anchorsweep.regularizer.Separate;
import dev.anchorsweep.regularizer.Subspace;
import dev.anchorsweep.regularizer.Unitarity;

import java.util.Arrays;
import java.util.List;

/**
 * Every kind of regularizer a config can name ({@code type = …}): its config name, the names of its settings (their
 * defaults are in reference.conf, {@code anchor-sweep.kinds.regularizers}) and how it is built from them. A new kind
 * is one constant here, its defaults there, and its {@link Regularizer} class.
 */
enum RegularizerKind {

    SEPARATE("separate", "power", "shift") {
        @Override
        Regularizer build(KindSettings s) {
            Double power = s.number("power", 1e-9, 1e6);
            Boolean shift = s.bool("shift");
            return power == null || shift == null ? null : new Separate(power, shift);
        }
    },
    ANCHOR("anchor", "direction") {
        @Override
        Regularizer build(KindSettings s) {
            LatentDirection d = s.direction("direction");
            return d == null ? null : new Anchor(d);
        }
    },
    ANTI_ANCHOR("anti-anchor", "direction", "hemi") {
        @Override
        Regularizer build(KindSettings s) {
            LatentDirection d = s.direction("direction");
            Boolean hemi = s.bool("hemi");
            return d == null || hemi == null ? null : new AntiAnchor(d, hemi);
        }
    },
    SUBSPACE("subspace", "dims") {
        @Override
        Regularizer build(KindSettings s) {
            LatentDims dims = s.dims("dims", false);
            return dims == null ? null : new Subspace(dims);
        }
    },
    ANTI_SUBSPACE("anti-subspace", "dims") {
        @Override
        Regularizer build(KindSettings s) {
            LatentDims dims = s.dims("dims", false);
            return dims == null ? null : new AntiSubspace(dims);
        }
    },
    PLANARITY("planarity", "dims") {
        @Override
        Regularizer build(KindSettings s) {
            LatentDims dims = s.dims("dims", false);
            if (dims != null && dims.count() != 2) {
                s.problem("dims", "planarity needs exactly 2 dims, but got " + Arrays.toString(dims.toArray()));
                return null;
            }
            return dims == null ? null : new Planarity(dims);
        }
    },
    UNITARITY("unitarity") {
        @Override
        Regularizer build(KindSettings s) {
            return new Unitarity();
        }
    },
    EUCLIDEAN_ANCHOR("euclidean-anchor", "point") {
        @Override
        Regularizer build(KindSettings s) {
            LatentVector point = s.vector("point");
            return point == null ? null : new EuclideanAnchor(point);
        }
    },
    EUCLIDEAN_SEPARATE("euclidean-separate", "dims", "epsilon") {
        @Override
        Regularizer build(KindSettings s) {
            LatentDims dims = s.dims("dims", false);
            Double epsilon = s.number("epsilon", Double.MIN_NORMAL, 1e6);
            return dims == null || epsilon == null ? null : new EuclideanSeparate(dims, epsilon);
        }
    },
    CAPTURED_ANCHOR("captured-anchor", "colors", "capture-step") {
        @Override
        Regularizer build(KindSettings s) {
            if (s.reader().has("concept")) {
                s.problem("concept", "captured-anchor holds its own colours in place, not a concept's samples;"
                        + " it takes no concept");
            }
            ColorSpec colors = TrainingDataParser.colors(s.reader(), "colors");
            Integer step = s.step("capture-step");
            return colors == null || step == null || s.reader().has("concept") ? null
                    : new CapturedAnchor(colors, step);
        }
    };

    /** Settings every regularizer entry has, whatever its kind. */
    static final List<String> COMMON_KEYS = List.of("type", "concept", "weight");

    private final String configName;
    private final List<String> settings;

    RegularizerKind(String configName, String... settings) {
        this.configName = configName;
        this.settings = List.of(settings);
    }

    /** Its name in configs ({@code type = …}) and in {@link Regularizer#kind()}. */
    String configName() {
        return configName;
    }

    /** The names of its own settings (beyond {@link #COMMON_KEYS}). */
    List<String> settings() {
        return settings;
    }

    /** The regularizer of these settings (defaults filled in), or null after recording a problem. */
    abstract Regularizer build(KindSettings settings);

    static List<String> configNames() {
        return Arrays.stream(values()).map(RegularizerKind::configName).toList();
    }

    static RegularizerKind byConfigName(String name) {
        for (RegularizerKind k : values()) if (k.configName.equals(name)) return k;
        throw new IllegalArgumentException("unknown regularizer type '" + name + "'" + DidYouMean.hint(name, configNames())
                + " (valid: " + String.join(", ", configNames()) + ")");
    }
}
