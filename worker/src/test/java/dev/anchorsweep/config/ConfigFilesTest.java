package dev.anchorsweep.config;

import com.typesafe.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loading a config file: includes checked with the including file:line, non-finite numbers, unusable paths. */
class ConfigFilesTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static List<String> problems(Path file) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> ConfigFiles.load(file, w -> { }));
        return e.problems().stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void aMissingRequiredIncludeNamesTheIncludingLineAndTheAbsolutePathLookedFor() throws IOException {
        Path file = write("sweep.conf", "a = 1\n\nrun { include required(\"runs/none.conf\") }\n");
        assertEquals(List.of(file + ":3: (include): include required(\"runs/none.conf\"): the included file "
                + dir.resolve("runs/none.conf") + " does not exist"), problems(file));
    }

    @Test
    void anAbsoluteMissingRequiredIncludeKeepsItsLeadingSlash() throws IOException {
        Path missing = dir.resolve("elsewhere/none.conf").toAbsolutePath();
        Path file = write("sweep.conf", "include required(file(\"" + missing + "\"))\n");
        assertEquals(List.of(file + ":1: (include): include required(file(\"" + missing + "\")): the included file "
                + missing + " does not exist"), problems(file));
    }

    @Test
    void aMissingPlainIncludeIsAWarningAndTheRestLoads() throws IOException {
        write("runs/base.conf", "x = 5\ninclude \"deeper.conf\"\n");
        Path file = write("sweep.conf", "a = 1\nrun {\n  include \"runs/base.conf\"\n  include \"runs/none.conf\"\n}\n");
        List<ConfigProblem> warnings = new ArrayList<>();
        Config config = ConfigFiles.load(file, warnings::add);
        assertEquals(5, config.getInt("run.x"), "the include that exists is included");
        assertEquals(List.of(
                dir.resolve("runs/base.conf") + ":2: (include): include \"deeper.conf\": the included file "
                        + dir.resolve("runs/deeper.conf") + " does not exist, so nothing was included (write include"
                        + " required(\"deeper.conf\") to make a missing file an error)",
                file + ":4: (include): include \"runs/none.conf\": the included file " + dir.resolve("runs/none.conf")
                        + " does not exist, so nothing was included (write include required(\"runs/none.conf\") to"
                        + " make a missing file an error)"),
                warnings.stream().map(ConfigProblem::toString).toList());
    }

    @Test
    void aRequiredIncludeInsideAnIncludedFileNamesThatFile() throws IOException {
        Path inner = write("runs/base.conf", "x = 5\n\ninclude required(\"gone.conf\")\n");
        Path file = write("sweep.conf", "run { include \"runs/base.conf\" }\n");
        assertEquals(List.of(inner + ":3: (include): include required(\"gone.conf\"): the included file "
                + dir.resolve("runs/gone.conf") + " does not exist"), problems(file));
    }

    @Test
    void aNumberTooLargeForADoubleIsLocatedWithItsText() throws IOException {
        Path file = write("sweep.conf", "run {\n  training.lr = [[0, 0.1], [10, 1e400]]\n  x = -1e999\n}\n");
        assertEquals(List.of(file + ":2: run.training.lr: must be a finite number, but got 1e400",
                file + ":3: run.x: must be a finite number, but got -1e999"), problems(file));
    }

    @Test
    void aFolderOrAMissingFileIsNotAConfig() {
        assertTrue(problems(dir).get(0).contains("is a folder, not a config file"), problems(dir).toString());
        assertTrue(problems(dir.resolve("none.conf")).get(0).contains("the config file does not exist"));
    }
}
