package dev.anchorsweep.identity;

/**
 * A value that states its own canonical form for run identity: a tree of maps (setting name → value), lists,
 * strings, numbers, booleans, nulls and other {@code Canonical} values, which {@link CanonicalJson} writes as text.
 * The names are chosen explicitly (the config's setting names), never taken from a record's component names or
 * {@code toString()}, so that renaming code does not change any run id.
 */
public interface Canonical {

    /** This value's settings by name (or a list, number, string …), as described above. */
    Object canonicalForm();
}
