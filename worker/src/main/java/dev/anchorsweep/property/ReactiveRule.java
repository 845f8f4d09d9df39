package dev.anchorsweep.property;

import dev.anchorsweep.identity.Canonical;

import java.util.Map;

/**
 * A rule of the {@code reactive} section: when a measurement of the run meets a condition (checked at validation
 * steps), a property's target changes and the property moves there smoothly. (Skeleton: the properties helper fills
 * this in.)
 */
public record ReactiveRule(String name) implements Canonical, java.io.Serializable {

    @Override
    public Object canonicalForm() {
        return Map.of();
    }
}
