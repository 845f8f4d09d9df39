package dev.anchorsweep.sweep;

import com.typesafe.config.ConfigObject;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A sweep file as loaded.
 *
 * @param name        {@code sweep.name}: the sweep id and the default output folder
 * @param description {@code sweep.description}, or "" when there is none
 * @param file        the sweep file
 * @param configText  the whole file with its includes and substitutions resolved, as HOCON (for the sweeps table)
 * @param baseRun     the {@code run} section as written (RunConfigParser adds the defaults)
 */
public record SweepConfig(String name, String description, Path file, String configText, ConfigObject baseRun) {

    /** What a sweep name may be: it names a folder and appears in table rows. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    public static final int MAX_NAME_LENGTH = 100;

    public SweepConfig {
        if (name == null || !NAME.matcher(name).matches() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("a sweep name must match " + NAME.pattern() + " with at most "
                    + MAX_NAME_LENGTH + " characters, but got " + (name == null ? "none" : "'" + name + "'"));
        }
        if (description == null) throw new IllegalArgumentException("description must not be null (use \"\")");
        if (file == null || configText == null || baseRun == null) {
            throw new IllegalArgumentException("a sweep config needs its file, its text and its base run");
        }
    }
}
