package dev.anchorsweep.regularizer;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.DynamicCustomOp;

import java.util.List;

/**
 * The same values with no gradient path: a bit-exact round trip through an integer type of the same width. SameDiff
 * only differentiates through floating-point variables, so everything computed from a detached value is forward-only
 * (ND4J's stop_gradient op would still make SameDiff differentiate its input's ops, with zeros).
 */
final class Detached {

    private Detached() {
    }

    static SDVariable of(SDVariable x) {
        DataType fp = x.dataType();
        DataType bits = switch (fp) {
            case FLOAT -> DataType.INT32;
            case DOUBLE -> DataType.INT64;
            default -> throw new IllegalArgumentException("can only detach FLOAT or DOUBLE, but got " + fp);
        };
        SDVariable integer = new BitCast(x.getSameDiff(), x, bits).outputVariable();
        return new BitCast(x.getSameDiff(), integer, fp).outputVariable();
    }

    /** ND4J's bitcast op, built from a SameDiff variable and a target type. */
    private static final class BitCast extends DynamicCustomOp {
        private final DataType to;

        BitCast(SameDiff sd, SDVariable in, DataType to) {
            super(null, sd, new SDVariable[] {in});
            this.to = to;
            addIArgument(to.toInt());
        }

        @Override
        public String opName() {
            return "bitcast";
        }

        @Override
        public List<DataType> calculateOutputDataTypes(List<DataType> inputDataTypes) {
            return List.of(to);
        }

        @Override
        public List<SDVariable> doDiff(List<SDVariable> gradients) {
            throw new UnsupportedOperationException("a detached value has no gradient");
        }
    }
}
