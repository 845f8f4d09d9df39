package dev.anchorsweep.sweep;

import dev.anchorsweep.config.ConfigProblem;
import dev.anchorsweep.config.InvalidConfigException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

/** Sweep files for tests: written into a folder that also holds a copy of the paper's run configs (runs/). */
final class SweepFiles {

    private final Path dir;

    SweepFiles(Path dir) {
        this.dir = dir;
        try {
            Path runs = Files.createDirectories(dir.resolve("runs"));
            try (Stream<Path> files = Files.list(paperConfigs().resolve("runs"))) {
                for (Path f : files.toList()) Files.copy(f, runs.resolve(f.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** configs/paper of this repository (tests run in the module folder). */
    static Path paperConfigs() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("configs/paper");
            if (Files.isDirectory(candidate)) return candidate;
        }
        throw new IllegalStateException("configs/paper not found above " + Path.of("").toAbsolutePath());
    }

    Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SweepPlan plan(String text) {
        return SweepPlanner.load(write("sweep.conf", text));
    }

    /** The problems of a config that must fail to load. */
    List<ConfigProblem> problems(String text) {
        return assertThrows(InvalidConfigException.class, () -> plan(text)).problems();
    }

    /** The one problem at {@code path} whose message contains {@code fragment}. */
    static ConfigProblem problem(List<ConfigProblem> problems, String path, String fragment) {
        List<ConfigProblem> found = problems.stream()
                .filter(p -> p.path().equals(path) && p.message().contains(fragment)).toList();
        if (found.size() != 1) {
            fail("expected one problem at " + path + " containing \"" + fragment + "\", but the problems are:\n"
                    + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        }
        return found.get(0);
    }

    /** The 1-based line of the only line of {@code text} that contains {@code marker}. */
    static int lineOf(String text, String marker) {
        String[] lines = text.split("\n", -1);
        int found = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(marker)) {
                if (found >= 0) throw new IllegalArgumentException("'" + marker + "' is on more than one line");
                found = i + 1;
            }
        }
        if (found < 0) throw new IllegalArgumentException("'" + marker + "' is on no line");
        return found;
    }

    /** The 1-based line of {@code marker} in the run config runs/{@code file}. */
    static int lineInRun(String file, String marker) {
        try {
            return lineOf(Files.readString(paperConfigs().resolve("runs").resolve(file)), marker);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
