package dev.anchorsweep.fused;

import dev.anchorsweep.run.RegularizerSpec;
import dev.anchorsweep.run.RunSpec;

import java.util.Optional;

/**
 * Which runs the fused engine trains: the MLP autoencoders of SCA-SPEC §2 (Linear/GELU layers, normalising or plain
 * bottleneck, linear or sigmoid output) with Adam, the lr and weight schedules, and every regularizer kind that has a
 * fused term ({@link FusedTerms}), in a JVM started with {@code --add-modules jdk.incubator.vector}. Everything else
 * stays with SameDiff. Loads no vector class, so it answers in any JVM.
 */
public final class FusedSupport {

    private static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private FusedSupport() {
    }

    /** Why the fused engine cannot train {@code run}, or empty when it can. */
    public static Optional<String> check(RunSpec run) {
        if (!VECTOR_API) {
            return Optional.of("this JVM lacks the Vector API (start it with --add-modules jdk.incubator.vector, as"
                    + " deploy/jvm.properties does)");
        }
        for (RegularizerSpec r : run.regularizers()) {
            if (!FusedTerms.supports(r.regularizer())) {
                return Optional.of("regularizer '" + r.name() + "' is of kind " + r.regularizer().kind()
                        + ", which has no fused term");
            }
        }
        return Optional.empty();
    }
}
