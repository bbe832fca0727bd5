package io.pappus.opencl;

import io.pappus.exec.ElementFailure;
import io.pappus.ir.BinOp;
import io.pappus.ir.Expr;
import io.pappus.ir.LiftedLambda;
import io.pappus.ir.PrimKind;
import io.pappus.ir.Type;
import io.pappus.opencl.runtime.DeviceInfo;
import io.pappus.opencl.runtime.OclSession;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.pappus.opencl.IrBuild.bin;
import static io.pappus.opencl.IrBuild.fn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A pipeline over columns that exist only on the device (the previous fragment's output):
 * its output can stay there, and a failing element is still named, read back from the device,
 * whether the input runs in one chunk or streams through several.
 */
class ResidentColumnsTest {
    private final DeviceInfo device = OclTestDevice.get();
    private final OclSession session = OclSession.of(device);

    private static LiftedLambda divide() {
        Type.Struct p = new Type.Struct("demo.IntPair", List.of(new Type.Field("a", Type.INT), new Type.Field("b", Type.INT)));
        return fn(p, Type.INT, e -> bin(BinOp.DIV, new Expr.GetField(e, 0, Type.INT), new Expr.GetField(e, 1, Type.INT)));
    }

    @Test
    void outputStaysOnTheDeviceAndFailuresNameTheElementFromThere() {
        int n = 5000;
        int[] a = new int[n];
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i * 3;
            b[i] = 1 + i % 7;
        }
        OclPipeline p = OclPipeline.compile("resident", device, List.of(Stage.map(divide(), List.of())), Sink.columns());
        long live = session.liveBytes();
        try (ResidentColumns in = ResidentColumns.upload(session, List.of(a, b), List.of(PrimKind.INT, PrimKind.INT), n)) {
            ChunkStream.Streamed s = ChunkStream.run(p, null, in, n, true);
            assertEquals(0, s.uploadedBytes());
            OclResult r = s.parts().get(0);
            assertEquals(List.of(), r.columns(), "nothing was read back");
            try (ResidentColumns out = r.resident()) {
                int[] want = new int[n];
                for (int i = 0; i < n; i++) {
                    want[i] = a[i] / b[i];
                }
                assertArrayEquals(want, (int[]) out.download().get(0));
            }
        }
        b[3777] = 0;
        try (ResidentColumns in = ResidentColumns.upload(session, List.of(a, b), List.of(PrimKind.INT, PrimKind.INT), n)) {
            for (int chunk : new int[] {n, 1000}) {
                ArithmeticException e = assertThrows(ArithmeticException.class, () -> ChunkStream.run(p, null, in, chunk, true));
                ElementFailure f = (ElementFailure) e.getSuppressed()[0];
                assertEquals(3777L, f.index(), "chunk " + chunk);
                assertEquals(List.of(3777 * 3, 0).toString(), f.getMessage().substring(f.getMessage().lastIndexOf('[')));
            }
        }
        assertEquals(live, session.liveBytes(), "every buffer given back");
    }
}
