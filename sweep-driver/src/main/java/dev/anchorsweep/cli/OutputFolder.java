package dev.anchorsweep.cli;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A folder a command writes to ({@code run --out}, {@code report --out}), checked before Spark starts: on this
 * machine's disk it must be a folder (new or existing) this process can create and write into, which is tried; any
 * other URI needs a Hadoop file system for its scheme.
 */
final class OutputFolder {

    private OutputFolder() {
    }

    /**
     * @param option how the user gave it (e.g. {@code --out results/x})
     * @param uri    the folder as an absolute URI (file: for this machine's disk)
     */
    static void require(String option, String uri, Configuration hadoop) {
        URI parsed;
        try {
            parsed = URI.create(uri);
        } catch (IllegalArgumentException e) {
            throw new BadArgument(option + ": not a folder or URI (" + e.getMessage() + ")");
        }
        if ("file".equals(parsed.getScheme())) {
            require(option, Path.of(parsed));
            return;
        }
        try {
            FileSystem.getFileSystemClass(parsed.getScheme(), hadoop);
        } catch (IOException e) {
            throw new BadArgument(option + ": no Hadoop file system for the scheme '" + parsed.getScheme() + "' (a "
                    + "folder, file://, hdfs://, or s3a:// with hadoop-aws on the class path)");
        }
        try { // e.g. an unknown host: Hadoop says so only when it opens the file system
            FileSystem.get(parsed, hadoop);
        } catch (IOException | IllegalArgumentException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new BadArgument(option + ": cannot open its file system ("
                    + (cause instanceof java.net.UnknownHostException ? "unknown host " : "") + cause.getMessage() + ")");
        }
    }

    /** A folder on this machine's disk: created if missing, and a file written into it and deleted. */
    static void require(String option, Path folder) {
        Path path = folder.toAbsolutePath().normalize();
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new BadArgument(option + ": " + path + " is a file, not a folder; give a folder (new or existing)");
        }
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new BadArgument(option + ": cannot create the folder " + path + " (" + reason(e) + ")");
        }
        try {
            Files.delete(Files.createTempFile(path, ".write-check-", ""));
        } catch (IOException e) {
            throw new BadArgument(option + ": cannot write into the folder " + path + " (" + reason(e) + ")");
        }
    }

    private static String reason(IOException e) {
        if (e instanceof FileAlreadyExistsException f) return f.getFile() + " is a file";
        if (e instanceof AccessDeniedException a) return "permission denied: " + a.getFile();
        if (e instanceof NoSuchFileException n) return "no such folder: " + n.getFile();
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason() + ": " + f.getFile();
        return e.getMessage();
    }
}
