package io.pappus.lift;

import io.pappus.ir.Stmt;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a reducible control-flow graph into structured statements, after Ramsey's "Beyond
 * Relooper" (ICFP 2022): walk the dominator tree; a node's dominator-tree children that are
 * merge nodes follow it, each after a {@code block} that forward edges leave with
 * {@code break}; a loop header wraps its subtree in a {@code loop} that back edges reach with
 * {@code continue}; any other child is inlined where its only predecessor branches to it.
 */
final class Structurer {
    private final ControlFlowGraph cfg;
    private final List<BlockInterpreter.Result> results;
    private final List<List<Integer>> children = new ArrayList<>();

    Structurer(ControlFlowGraph cfg, List<BlockInterpreter.Result> results) {
        this.cfg = cfg;
        this.results = results;
        for (int b = 0; b < cfg.blocks.size(); b++) {
            children.add(new ArrayList<>());
        }
        for (int b = 1; b < cfg.blocks.size(); b++) {
            children.get(cfg.idom[b]).add(b);
        }
    }

    List<Stmt> run() {
        return doTree(0);
    }

    static String blockLabel(int b) {
        return "b" + b;
    }

    static String loopLabel(int b) {
        return "loop" + b;
    }

    private List<Stmt> doTree(int x) {
        List<Integer> merges = new ArrayList<>();
        for (int c : children.get(x)) {
            if (cfg.isMergeNode(c)) {
                merges.add(c); // ascending reverse postorder: the earliest merge node is innermost
            }
        }
        List<Stmt> code = nodeWithin(x, merges);
        return cfg.isLoopHeader(x) ? List.of(new Stmt.Loop(loopLabel(x), code)) : code;
    }

    private List<Stmt> nodeWithin(int x, List<Integer> merges) {
        if (merges.isEmpty()) {
            BlockInterpreter.Result r = results.get(x);
            List<Stmt> out = new ArrayList<>(r.stmts());
            if (r.exit() instanceof Exit.Jump j) {
                out.addAll(branch(x, j.target()));
            } else if (r.exit() instanceof Exit.Branch b) {
                // javac jumps away when the source's condition is false: print it the source's way round
                out.add(new Stmt.If(Exprs.not(b.cond()), branch(x, b.ifFalse()), branch(x, b.ifTrue())));
            }
            return out;
        }
        int last = merges.get(merges.size() - 1);
        List<Stmt> out = new ArrayList<>();
        out.add(new Stmt.Block(blockLabel(last), nodeWithin(x, merges.subList(0, merges.size() - 1))));
        out.addAll(doTree(last));
        return out;
    }

    private List<Stmt> branch(int from, int to) {
        if (cfg.isBackEdge(from, to)) {
            return List.of(new Stmt.Continue(loopLabel(to)));
        }
        if (cfg.isMergeNode(to)) {
            return List.of(new Stmt.Break(blockLabel(to)));
        }
        return doTree(to);
    }
}
