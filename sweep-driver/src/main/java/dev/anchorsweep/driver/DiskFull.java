package dev.anchorsweep.driver;

import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a write that failed because the disk is full (ENOSPC, "No space left on device") anywhere in an
 * exception's causes, or in the text a Spark task failure carries to the driver.
 */
public final class DiskFull {

    /** Exit code of a command that stopped because the disk is full. */
    public static final int EXIT_CODE = 4;

    /** The C library's text for ENOSPC, as the JDK and Hadoop report it. */
    static final String ENOSPC = "No space left on device";
    /** {@code /path/to/file (No space left on device)}: how FileOutputStream names the file it could not write. */
    private static final Pattern FILE = Pattern.compile("(/\\S+) \\(" + ENOSPC + "\\)");

    private DiskFull() {
    }

    /** The one line a command prints when the disk under {@code folder} is full. */
    public static String message(String folder) {
        return "disk full while writing " + folder + ": free space and run the same command to resume";
    }

    public static boolean isCause(Throwable e) {
        return first(e) != null;
    }

    public static boolean mentioned(String text) {
        return text != null && text.contains(ENOSPC);
    }

    /** The folder of the file whose write failed, when the exception names it. */
    public static Optional<String> folder(Throwable e) {
        Throwable full = first(e);
        if (full instanceof FileSystemException f && f.getFile() != null) {
            Path parent = Path.of(f.getFile()).getParent();
            if (parent != null) return Optional.of(parent.toString());
        }
        Matcher m = FILE.matcher(full == null || full.getMessage() == null ? "" : full.getMessage());
        if (m.find()) {
            Path parent = Path.of(m.group(1)).getParent();
            if (parent != null) return Optional.of(parent.toString());
        }
        return Optional.empty();
    }

    /** The first throwable among {@code e}, its causes and suppressed ones whose message says the disk is full. */
    private static Throwable first(Throwable e) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return first(e, seen);
    }

    private static Throwable first(Throwable e, Set<Throwable> seen) {
        if (e == null || !seen.add(e)) return null;
        if (mentioned(e.getMessage())
                || e instanceof FileSystemException f && mentioned(f.getReason())) return e;
        Throwable found = first(e.getCause(), seen);
        for (Throwable s : e.getSuppressed()) {
            if (found == null) found = first(s, seen);
        }
        return found;
    }
}
