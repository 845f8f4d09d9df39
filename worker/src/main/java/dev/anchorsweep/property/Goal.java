package dev.anchorsweep.property;

/** Where a reactive rule sends its property: a fixed {@code target}, or a {@code factor} of its current value. */
public sealed interface Goal extends java.io.Serializable {

    /** The target given the property's value when the rule fires. */
    double from(double current);

    /** The config key ({@code target} or {@code factor}). */
    String key();

    double amount();

    record Target(double value) implements Goal {
        @Override
        public double from(double current) {
            return value;
        }

        @Override
        public String key() {
            return "target";
        }

        @Override
        public double amount() {
            return value;
        }
    }

    record Factor(double factor) implements Goal {
        @Override
        public double from(double current) {
            return factor * current;
        }

        @Override
        public String key() {
            return "factor";
        }

        @Override
        public double amount() {
            return factor;
        }
    }
}
