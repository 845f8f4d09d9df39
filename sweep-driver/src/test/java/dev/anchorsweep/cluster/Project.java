package dev.anchorsweep.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The checkout under test and the build folder Maven just filled (failsafe passes both): where the scripts are, which
 * jars they must use, and the environment that makes them use exactly those (never rebuilding).
 */
record Project(Path root, String buildDirName, boolean mavenOffline) {

    static Project current() {
        String home = System.getProperty("anchorsweep.home");
        Path root = home == null ? Path.of("..").toAbsolutePath().normalize() : Path.of(home);
        if (!Files.isRegularFile(root.resolve("deploy/standalone/start"))) {
            throw new IllegalStateException("the project root must hold deploy/standalone/start, but " + root
                    + " does not (set -Danchorsweep.home)");
        }
        return new Project(root, System.getProperty("anchorsweep.buildDirName", "target"),
                Boolean.parseBoolean(System.getProperty("anchorsweep.mavenOffline", "false")));
    }

    Path driverBuild() {
        return root.resolve("sweep-driver").resolve(buildDirName);
    }

    Path jobJar() {
        return driverBuild().resolve("anchor-sweep-job.jar");
    }

    Path launcherLib() {
        return driverBuild().resolve("lib");
    }

    /** For deploy/sweep and deploy/standalone/*: this build folder, no builds, Maven offline when this build is. */
    Map<String, String> scriptEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ANCHOR_SWEEP_BUILD_DIR", buildDirName);
        env.put("ANCHOR_SWEEP_NO_BUILD", "1");
        env.put("ANCHOR_SWEEP_MVN_OPTS", mavenOffline ? "-o" : "");
        return env;
    }
}
