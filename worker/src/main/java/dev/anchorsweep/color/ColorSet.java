package dev.anchorsweep.color;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An ordered, named set of colours, e.g. an evaluation set. Each colour may carry a name ({@code null} where it
 * has none, e.g. the grid sets).
 */
public record ColorSet(String name, List<Rgb> colors, List<String> names) {

    public ColorSet {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a colour set needs a non-blank name");
        colors = List.copyOf(colors);
        if (names.size() != colors.size()) {
            throw new IllegalArgumentException("colour set '" + name + "' must have one name per colour, but got "
                    + names.size() + " names for " + colors.size() + " colours");
        }
        names = Collections.unmodifiableList(new ArrayList<>(names));
    }

    /** A set whose colours carry no names. */
    public static ColorSet unnamed(String name, List<Rgb> colors) {
        return new ColorSet(name, colors, Collections.nCopies(colors.size(), null));
    }

    public int size() {
        return colors.size();
    }

    public Rgb color(int i) {
        return colors.get(i);
    }

    /** The name of colour {@code i}, or {@code null} if it has none. */
    public String nameOf(int i) {
        return names.get(i);
    }
}
