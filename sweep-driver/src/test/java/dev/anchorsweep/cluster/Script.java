package dev.anchorsweep.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A script of the project run to completion (or killed at its time limit), its stdout and stderr kept apart. */
final class Script {

    record Result(int exitCode, String stdout, String stderr) {
        String output() {
            return stdout + (stderr.isEmpty() ? "" : "\n[stderr]\n" + stderr);
        }
    }

    private Script() {
    }

    static Result run(Path root, Map<String, String> env, long timeoutSeconds, String... command)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("script", ".out");
        Path err = Files.createTempFile("script", ".err");
        try {
            Process process = start(root, env, out, err, List.of(command));
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(String.join(" ", command) + " must finish within " + timeoutSeconds
                        + " s, but did not:\n" + Files.readString(out) + "\n" + Files.readString(err));
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Starts a script of the project in the background, stdout and stderr appended to the given files. */
    static Process start(Path root, Map<String, String> env, Path stdout, Path stderr, List<String> command)
            throws IOException {
        List<String> cmd = new ArrayList<>(command);
        cmd.set(0, root.resolve(cmd.get(0)).toString());
        ProcessBuilder builder = new ProcessBuilder(cmd).directory(root.toFile())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(stdout.toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()));
        builder.environment().putAll(env);
        return builder.start();
    }
}
