package dev.anchorsweep.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** A results folder argument: a Hadoop URI as given, or a local path made absolute (it must exist). */
final class ResultsFolder {

    private static final Pattern URI = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");

    private ResultsFolder() {
    }

    static String uri(String argument) {
        if (URI.matcher(argument).matches()) return argument;
        Path path = Path.of(argument).toAbsolutePath().normalize();
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException("results folder " + argument + " does not exist (" + path + "); give the "
                    + "output root of a sweep, e.g. results/quickstart");
        }
        return path.toUri().toString();
    }
}
