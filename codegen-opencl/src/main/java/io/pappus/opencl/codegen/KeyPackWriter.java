package io.pappus.opencl.codegen;

import io.pappus.ir.PrimKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the program that turns a key of several primitive columns (the leaves of a record key,
 * or of a record element for distinct) into 64-bit sort words for the device's stable radix sort.
 *
 * <p>The choice: each column becomes its order-preserving bit pattern, as wide as the type
 * (boolean 1, byte 8, short and char 16, int and float 32, long and double 64), and the patterns
 * are packed in declaration order into as few words as hold them, the first column in the
 * highest bits. A key that fits one word (TPC-H's {@code (char returnFlag, char lineStatus)} is
 * 32 bits) costs one sort, no more than an int key; a wider key is sorted least significant word
 * first, one stable sort per word (LSD over words), which orders it lexicographically. Sorting
 * each column on its own would cost a sort per column and could not share a word's radix passes.
 * Two keys are equal exactly when their words are: the patterns make every NaN one NaN and keep
 * -0.0 apart from 0.0, as {@code Double.equals}, {@code Float.equals} and a record's
 * {@code equals} (which compares float and double components with {@code compare}) do.
 *
 * <pre>{@code
 * KeyPackWriter.Pack p = KeyPackWriter.write(List.of(PrimKind.CHAR, PrimKind.CHAR, PrimKind.DOUBLE), false);
 * // p.wordBits() == [32, 64]: the chars share word 0, the double has word 1
 * }</pre>
 */
public final class KeyPackWriter {
    private KeyPackWriter() {
    }

    /**
     * A key's packing.
     *
     * @param source   kernels {@code pappus_key_words(columns..., words..., n)} and
     *                 {@code pappus_key_heads(sorted words..., heads, n)}
     * @param wordBits per word, how many low bits vary
     */
    public record Pack(String source, List<Integer> wordBits) {
    }

    /**
     * @param kinds      the key's columns, most significant first
     * @param descending whether the words sort the largest key first (each column's pattern complemented)
     * @return the packing program
     */
    public static Pack write(List<PrimKind> kinds, boolean descending) {
        if (kinds.isEmpty()) {
            throw new OclUnsupportedException("a key with no columns");
        }
        List<List<Integer>> words = new ArrayList<>();
        List<Integer> wordBits = new ArrayList<>();
        for (int c = 0; c < kinds.size(); c++) {
            int w = width(kinds.get(c));
            if (words.isEmpty() || wordBits.get(wordBits.size() - 1) + w > 64) {
                words.add(new ArrayList<>());
                wordBits.add(0);
            }
            words.get(words.size() - 1).add(c);
            wordBits.set(wordBits.size() - 1, wordBits.get(wordBits.size() - 1) + w);
        }
        List<String> cols = new ArrayList<>();
        for (int c = 0; c < kinds.size(); c++) {
            cols.add("__global const " + bitsType(kinds.get(c)) + "* k" + c);
        }
        List<String> outs = new ArrayList<>();
        List<String> ins = new ArrayList<>();
        for (int j = 0; j < words.size(); j++) {
            outs.add("__global ulong* w" + j);
            ins.add("__global const ulong* w" + j);
        }
        SourceWriter w = new SourceWriter();
        w.line("// Pappus generated OpenCL C. Do not edit.");
        w.line("// plan: key " + kinds.stream().map(PrimKind::javaName).toList() + (descending ? " descending" : "")
                + " packed into " + wordBits + "-bit sort words, first column highest");
        w.line("// backend: opencl");
        w.line("");
        w.raw(FLOATING_PATTERNS).line("");
        w.open("__kernel void pappus_key_words(" + String.join(", ", cols) + ", " + String.join(", ", outs)
                + ", int n) {");
        w.line("int i = get_global_id(0);");
        w.line("if (i >= n) return;");
        for (int j = 0; j < words.size(); j++) {
            w.line("ulong v" + j + " = 0;");
            for (int c : words.get(j)) {
                int bits = width(kinds.get(c));
                String p = pattern(kinds.get(c), "k" + c + "[i]");
                String mask = bits == 64 ? "0xffffffffffffffffUL" : "0x" + Long.toHexString((1L << bits) - 1) + "UL";
                w.line("v" + j + " = " + (bits == 64 ? "" : "(v" + j + " << " + bits + ") | ")
                        + (descending ? "(~" + p + " & " + mask + ")" : p) + ";");
            }
            w.line("w" + j + "[i] = v" + j + ";");
        }
        w.close("}");
        w.line("");
        w.line("/* heads[i] = 1 where a run of equal sorted keys starts: some word differs from the one before */");
        w.open("__kernel void pappus_key_heads(" + String.join(", ", ins) + ", __global int* heads, int n) {");
        w.line("int i = get_global_id(0);");
        w.line("if (i >= n) return;");
        List<String> differ = new ArrayList<>();
        for (int j = 0; j < words.size(); j++) {
            differ.add("w" + j + "[i] != w" + j + "[i - 1]");
        }
        w.line("heads[i] = i == 0 || " + String.join(" || ", differ) + ";");
        w.close("}");
        return new Pack(w.toString(), List.copyOf(wordBits));
    }

    private static final String FLOATING_PATTERNS = """
            uint pappus_key_float(uint b) {
                if ((b & 0x7fffffffu) > 0x7f800000u) b = 0x7fc00000u;  /* one NaN, above +Infinity */
                return (b >> 31) ? ~b : (b | 0x80000000u);
            }

            ulong pappus_key_double(ulong b) {
                if ((b & 0x7fffffffffffffffUL) > 0x7ff0000000000000UL) b = 0x7ff8000000000000UL;
                return (b >> 63) ? ~b : (b | 0x8000000000000000UL);
            }
            """;

    /**
     * @param kind a column kind
     * @return the bits of its order-preserving pattern
     */
    static int width(PrimKind kind) {
        return switch (kind) {
            case BOOLEAN -> 1;
            case BYTE -> 8;
            case SHORT, CHAR -> 16;
            case INT, FLOAT -> 32;
            case LONG, DOUBLE -> 64;
        };
    }

    /** The unsigned type a column is read as: its storage, floating point as raw bits (no fp64 needed). */
    private static String bitsType(PrimKind kind) {
        return switch (kind) {
            case BOOLEAN, BYTE -> "uchar";
            case SHORT, CHAR -> "ushort";
            case INT, FLOAT -> "uint";
            case LONG, DOUBLE -> "ulong";
        };
    }

    /**
     * @return the C expression of {@code x}'s order-preserving pattern, zero-extended to {@code ulong}:
     *     signed kinds with the sign bit flipped; floating point with NaN made canonical (above
     *     +Infinity, as {@code compare} puts it) and negatives complemented, so -0.0 comes before 0.0
     */
    private static String pattern(PrimKind kind, String x) {
        return switch (kind) {
            case BOOLEAN -> "(ulong) (" + x + " != 0)";
            case BYTE -> "(ulong) (uchar) (" + x + " ^ 0x80)";
            case SHORT -> "(ulong) (ushort) (" + x + " ^ 0x8000)";
            case CHAR -> "(ulong) " + x;
            case INT -> "(ulong) (" + x + " ^ 0x80000000u)";
            case LONG -> "(" + x + " ^ 0x8000000000000000UL)";
            case FLOAT -> "(ulong) pappus_key_float(" + x + ")";
            case DOUBLE -> "pappus_key_double(" + x + ")";
        };
    }
}
