package io.pappus.opencl.codegen;

import io.pappus.ir.LiftedLambda;
import io.pappus.ir.PrimKind;
import io.pappus.ir.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the output kernel of a device join: for each matched pair {@code (li[i], ri[i])} it
 * reads the left and right elements from their columns, calls the translated result lambda
 * and writes its leaves as output columns. A failing lambda records its pair's index in
 * {@code errors} as the pipeline kernels do.
 *
 * <pre>{@code
 * JoinKernelWriter.Program p = JoinKernelWriter.write(resultLambda);  // kernel pappus_join_emit
 * }</pre>
 */
public final class JoinKernelWriter {
    private JoinKernelWriter() {
    }

    /**
     * The join's output program.
     *
     * @param source    OpenCL C with kernel {@code pappus_join_emit(li, ri, left leaves, right leaves,
     *                  output leaves, errors, n)}
     * @param left      the left element's columns
     * @param right     the right element's columns
     * @param output    the result's columns
     * @param needsFp64 whether it uses double
     */
    public record Program(String source, List<Leaf> left, List<Leaf> right, List<Leaf> output, boolean needsFp64) {
    }

    /**
     * @param result the result lambda, of two arguments and no captures
     * @return the program
     * @throws OclUnsupportedException when the lambda cannot run on OpenCL
     */
    public static Program write(LiftedLambda result) {
        if (result.args().size() != 2 || result.captureCount() != 0) {
            throw new OclUnsupportedException("join result lambda at " + result.source()
                    + " needs two arguments and no captured values on the device");
        }
        UnitContext ctx = new UnitContext();
        TranslatedLambda t = LambdaTranslator.translate(result, "join");
        ctx.addAll(t.context());
        List<Leaf> left = storage(OclTypes.leaves(result.args().get(0).type(), "left"));
        List<Leaf> right = storage(OclTypes.leaves(result.args().get(1).type(), "right"));
        List<Leaf> out = storage(OclTypes.leaves(t.result(), "out"));
        List<String> ps = new ArrayList<>(List.of("__global const int* li", "__global const int* ri"));
        left.forEach(l -> ps.add("__global const " + l.cType() + "* " + l.name()));
        right.forEach(l -> ps.add("__global const " + l.cType() + "* " + l.name()));
        out.forEach(l -> ps.add("__global " + l.cType() + "* " + l.name()));
        ps.add("__global int* errors");
        ps.add("int n");
        SourceWriter k = new SourceWriter();
        k.open("__kernel void pappus_join_emit(" + String.join(", ", ps) + ") {");
        k.line("int i = get_global_id(0);");
        k.line("if (i >= n) return;");
        k.line("int err = 0;");
        List<String> args = new ArrayList<>(List.of("&err"));
        read(k, ctx, left, "a", "li[i]", args);
        read(k, ctx, right, "b", "ri[i]", args);
        List<String> results = new ArrayList<>();
        if (t.result() instanceof Type.Prim p) {
            k.line(ctx.type(p.kind()) + " r0 = " + t.mainName() + "(" + String.join(", ", args) + ");");
            results.add("r0");
        } else {
            for (int j = 0; j < out.size(); j++) {
                k.line(ctx.type(out.get(j).kind()) + " r" + j + " = " + OclLiterals.zero(out.get(j).kind()) + ";");
                args.add("&r" + j);
                results.add("r" + j);
            }
            k.line(t.mainName() + "(" + String.join(", ", args) + ");");
        }
        k.open("if (err != 0) {");
        k.line("atomic_min(&errors[err - 1], i);");
        k.line("return;");
        k.close("}");
        for (int j = 0; j < out.size(); j++) {
            PrimKind kind = out.get(j).kind();
            boolean narrow = kind == PrimKind.BOOLEAN || kind == PrimKind.BYTE || kind == PrimKind.SHORT || kind == PrimKind.CHAR;
            k.line(out.get(j).name() + "[i] = " + (narrow ? "(" + out.get(j).cType() + ") " : "") + results.get(j) + ";");
        }
        k.close("}");
        SourceWriter w = new SourceWriter();
        w.line("// Pappus generated OpenCL C. Do not edit.");
        w.line("// plan: join(..., result(" + result.source() + ")) output over matched index pairs");
        w.line("// backend: opencl");
        w.line("#pragma OPENCL FP_CONTRACT OFF");
        if (ctx.fp64()) {
            w.line("#pragma OPENCL EXTENSION cl_khr_fp64 : enable");
        }
        w.line("");
        for (OclHelper h : ctx.helpers()) {
            w.raw(h.code()).line("");
        }
        w.line("// " + t.mainName() + ": " + result.source());
        w.raw(t.functions());
        w.raw(k.toString());
        return new Program(w.toString(), left, right, out, ctx.fp64());
    }

    private static void read(SourceWriter k, UnitContext ctx, List<Leaf> leaves, String prefix, String index,
                             List<String> args) {
        for (int j = 0; j < leaves.size(); j++) {
            Leaf l = leaves.get(j);
            k.line(ctx.type(l.kind()) + " " + prefix + j + " = " + l.name() + "[" + index + "];");
            args.add(prefix + j);
        }
    }

    private static List<Leaf> storage(List<Leaf> leaves) {
        return OclTypes.storage(leaves, "join elements holding arrays");
    }
}
