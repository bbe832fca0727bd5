package io.pappus.opencl;

import io.pappus.ir.BinOp;
import io.pappus.ir.Type;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.pappus.opencl.IrBuild.bin;
import static io.pappus.opencl.IrBuild.d;
import static io.pappus.opencl.IrBuild.fn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class OclPipelineSmokeTest {
    @Test
    void squaresAColumn() {
        var sq = fn(Type.DOUBLE, Type.DOUBLE, x -> bin(BinOp.MUL, x, x));
        OclPipeline p = OclPipeline.compile("smoke", OclTestDevice.get(), List.of(Stage.map(sq, List.of())), Sink.columns());
        System.out.println(p.source());
        OclResult r = p.run(List.of(new double[] {1, 2, 3, -0.5}));
        assertArrayEquals(new double[] {1, 4, 9, 0.25}, (double[]) r.columns().get(0));
    }
}
