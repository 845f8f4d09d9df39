package dev.anchorsweep.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The training tasks of a sweep as Spark's event log tells them (spark.eventLog.enabled, uncompressed): every attempt
 * of every pack, the executor it ran on, and how it ended. Task index i is pack-00i.
 */
record TaskAttempts(String appId, List<Attempt> attempts) {

    /** One attempt of one task; {@code reason} is Spark's end reason ({@code Success}, {@code ExecutorLostFailure}, …). */
    record Attempt(int index, int attempt, String executorId, String reason, long launchMillis, long finishMillis) {
        String pack() {
            return String.format("pack-%03d", index);
        }
    }

    /**
     * The attempts of the stage that trained the packs (the stage whose call site is in SweepRunner), from the one
     * application logged under eventLogDir: a single file {@code app-…}, or Spark 4's rolling
     * {@code eventlog_v2_app-…/events_<n>_app-…} files.
     */
    static TaskAttempts read(Path eventLogDir) throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.walk(eventLogDir)) {
            files = all.filter(Files::isRegularFile).filter(f -> {
                String name = f.getFileName().toString();
                return name.startsWith("app-") || name.startsWith("events_");
            }).sorted(Comparator.comparingInt(TaskAttempts::rollingIndex)).toList();
        }
        long apps = files.stream().map(f -> f.getFileName().toString().replaceFirst("^events_\\d+_", "")
                .replace(".inprogress", "")).distinct().count();
        if (apps != 1) {
            throw new IllegalStateException("the event log folder " + eventLogDir + " must hold one application's log, "
                    + "but holds " + files);
        }
        List<String> lines = new ArrayList<>();
        for (Path f : files) lines.addAll(Files.readAllLines(f));
        ObjectMapper json = new ObjectMapper();
        String appId = null;
        Set<Integer> trainingStages = new HashSet<>();
        List<Attempt> attempts = new ArrayList<>();
        List<JsonNode> taskEnds = new ArrayList<>();
        for (String line : lines) {
            JsonNode event = json.readTree(line);
            switch (event.path("Event").asText()) {
                case "SparkListenerApplicationStart" -> appId = event.path("App ID").asText();
                case "SparkListenerStageSubmitted" -> {
                    JsonNode stage = event.path("Stage Info");
                    if (stage.path("Stage Name").asText().contains("SweepRunner")) trainingStages.add(stage.path("Stage ID").asInt());
                }
                case "SparkListenerTaskEnd" -> taskEnds.add(event);
                default -> {
                }
            }
        }
        for (JsonNode end : taskEnds) {
            if (!trainingStages.contains(end.path("Stage ID").asInt())) continue;
            JsonNode info = end.path("Task Info");
            attempts.add(new Attempt(info.path("Index").asInt(), info.path("Attempt").asInt(),
                    info.path("Executor ID").asText(), reason(end.path("Task End Reason")),
                    info.path("Launch Time").asLong(), info.path("Finish Time").asLong()));
        }
        attempts.sort(Comparator.comparingInt(Attempt::index).thenComparingInt(Attempt::attempt));
        return new TaskAttempts(appId, attempts);
    }

    /** Spark's end reason, with the loss reason of a lost executor: "ExecutorLostFailure (worker lost: …)". */
    private static String reason(JsonNode end) {
        String reason = end.path("Reason").asText();
        String loss = end.path("Loss Reason").asText("");
        return loss.isEmpty() ? reason : reason + " (" + loss + ")";
    }

    private static int rollingIndex(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("events_") ? Integer.parseInt(name.split("_")[1]) : 0;
    }

    List<Attempt> retried() {
        return attempts.stream().filter(a -> a.attempt() > 0).toList();
    }

    List<Attempt> failed() {
        return attempts.stream().filter(a -> !a.reason().equals("Success")).toList();
    }
}
