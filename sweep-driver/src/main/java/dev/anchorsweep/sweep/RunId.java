package dev.anchorsweep.sweep;

import dev.anchorsweep.run.RunSpec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of a run: the first 16 hex digits of SHA-256 over {@link RunSpec#canonical()} (UTF-8), the run's
 * settings as canonical JSON (README, "Run ids"). The same settings give the same id in any JVM; any changed setting
 * gives another. GoldenRunIdsTest pins the ids of the paper configs.
 */
public final class RunId {

    public static final int HEX_DIGITS = 16;

    private RunId() {
    }

    public static String of(RunSpec spec) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(spec.canonical().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, HEX_DIGITS / 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
