package dev.anchorsweep.driver;

import dev.anchorsweep.results.SweepVersion;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Which version of a sweep a {@code run} writes: the latest one when its resolved config is unchanged (a resume),
 * else a new one, one above the latest. Runs are shared across versions by run id, so a new version reuses every
 * committed run it plans again.
 *
 * @param createdAt when the version was first started
 * @param message   the line {@code run} prints for a new version after an earlier one, else null
 */
record VersionChoice(int version, String configHash, Instant createdAt, String message) {

    static VersionChoice of(List<SweepVersion> versions, String configText, List<String> runIds, Set<String> committed,
                            Instant now) {
        String hash = sha256(configText);
        SweepVersion latest = versions.isEmpty() ? null : versions.get(versions.size() - 1);
        if (latest == null) return new VersionChoice(1, hash, now, null);
        if (latest.configHash().equals(hash)) return new VersionChoice(latest.version(), hash, latest.createdAt(), null);
        long reused = runIds.stream().filter(committed::contains).count();
        int version = latest.version() + 1;
        return new VersionChoice(version, hash, now, String.format("config changed since version %d (config hash %s → %s): "
                + "version %d, %d of %d runs reused (earlier versions stay readable: sql/report --sweep-version N)",
                latest.version(), latest.configHash().substring(0, 8), hash.substring(0, 8), version, reused, runIds.size()));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
