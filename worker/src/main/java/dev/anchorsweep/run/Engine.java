package dev.anchorsweep.run;

import java.util.Arrays;
import java.util.List;

/**
 * The training engine a run asks for ({@code training.engine}): {@code fused} (vectorised float loops, the fast path
 * for the MLP autoencoders of the paper), {@code samediff} (the general engine, and the oracle the fused one is tested
 * against), or {@code auto}: fused whenever it supports the run.
 */
public enum Engine {
    AUTO, FUSED, SAMEDIFF;

    /** The name in config files and result tables. */
    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static List<String> configNames() {
        return Arrays.stream(values()).map(Engine::configName).toList();
    }

    public static Engine fromConfigName(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
