package dev.anchorsweep.cli;

import dev.anchorsweep.analysis.ResultViews;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A results folder argument: a Hadoop URI as given, or a local path made absolute, which must be a folder holding
 * the result tables (at least a Parquet file under {@code runs/}).
 */
final class ResultsFolder {

    private static final Pattern URI = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");

    private ResultsFolder() {
    }

    static String uri(String argument) {
        if (URI.matcher(argument).matches()) return argument;
        Path path = Path.of(argument).toAbsolutePath().normalize();
        String hint = "; give the output root of a sweep, e.g. results/quickstart";
        if (!Files.exists(path)) {
            throw new BadArgument("RESULTS_DIR " + argument + ": results folder " + argument + " does not exist ("
                    + path + ")" + hint);
        }
        if (!Files.isDirectory(path)) throw new BadArgument("RESULTS_DIR " + argument + ": " + path + " is a file" + hint);
        if (!holdsRunFiles(path.resolve("runs"))) {
            throw new BadArgument("RESULTS_DIR " + argument + ": no result tables under " + path + ": expected a folder "
                    + "with runs/ (and " + String.join("/, ", ResultViews.TABLES.stream().filter(t -> !t.equals("runs"))
                    .toList()) + "/) as written by `deploy/sweep run`" + hint);
        }
        return path.toUri().toString();
    }

    /** Whether {@code runs} is a folder with a Parquet file in it or in a partition folder below it. */
    private static boolean holdsRunFiles(Path runs) {
        if (!Files.isDirectory(runs)) return false;
        try (Stream<Path> files = Files.walk(runs, 2)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet") && Files.isRegularFile(f)
                    && !runs.relativize(f).toString().matches("(.*/)?[_.].*"));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }
}
