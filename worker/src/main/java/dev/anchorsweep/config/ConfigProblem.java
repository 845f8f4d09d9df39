package dev.anchorsweep.config;

/**
 * One thing wrong with a config: where (file and line), which setting (its path), and what is wrong, including the bad
 * value and what would be valid.
 */
public record ConfigProblem(String origin, String path, String message) {

    @Override
    public String toString() {
        return (origin == null ? "" : origin + ": ") + path + ": " + message;
    }
}
