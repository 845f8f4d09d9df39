package dev.anchorsweep.evaluation;

import dev.anchorsweep.color.ColorSet;
import dev.anchorsweep.color.ColorSets;
import dev.anchorsweep.run.InterventionSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The paper-style table of a run: per-colour error of the named colours under baseline and each intervention. */
public record ErrorTable(List<String> colors, List<String> interventions, Map<String, Map<String, Double>> errors) {

    public static ErrorTable of(RunEvaluation evaluation, List<String> interventionNames) {
        ColorSet named = ColorSets.named();
        List<String> columns = new ArrayList<>();
        columns.add(InterventionSpec.BASELINE);
        columns.addAll(interventionNames);
        List<String> colors = new ArrayList<>();
        for (int i = 0; i < named.size(); i++) colors.add(named.nameOf(i));
        Map<String, Map<String, Double>> errors = new LinkedHashMap<>();
        for (String column : columns) {
            Map<String, Double> byColor = new LinkedHashMap<>();
            for (String color : colors) byColor.put(color, evaluation.error(column, named.name(), color));
            errors.put(column, byColor);
        }
        return new ErrorTable(colors, columns, errors);
    }

    /** A fixed-width text table, colours down, interventions across. */
    public String render() {
        StringBuilder sb = new StringBuilder(String.format("%-11s", "colour"));
        for (String i : interventions) sb.append(String.format(" %10s", i));
        sb.append('\n');
        for (String c : colors) {
            sb.append(String.format("%-11s", c));
            for (String i : interventions) sb.append(String.format(" %10.4f", errors.get(i).get(c)));
            sb.append('\n');
        }
        return sb.toString();
    }
}
