package dev.anchorsweep.data;

import dev.anchorsweep.identity.Canonical;

import java.util.Map;

/**
 * One factor of a curriculum: each colour's sampling weight is multiplied by {@code levels(measure(colour))} with the
 * levels of the data property's current value ({@link Levels#ofFraction}).
 */
public record CurriculumFactor(ColorMeasure measure, String property) implements Canonical, java.io.Serializable {

    public CurriculumFactor {
        if (measure == null) throw new IllegalArgumentException("a curriculum factor needs a measure");
        if (property == null || property.isBlank()) {
            throw new IllegalArgumentException("a curriculum factor needs a data property");
        }
    }

    @Override
    public Object canonicalForm() {
        return Map.of("measure", measure.configName(), "property", property);
    }
}
