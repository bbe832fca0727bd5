package io.pappus.exec;

import io.pappus.ir.LiftedLambda;
import io.pappus.ir.Var;
import io.pappus.lift.FanOut;
import io.pappus.lift.IrValues;
import io.pappus.lift.LiftResult;
import io.pappus.plan.LambdaSite;
import io.pappus.plan.LogicalPlan;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Calls each lambda of a plan through the IR interpreter when it was lifted, and the original
 * object when it is opaque. Converts Java values to IR values and back at each call.
 */
final class InterpretedCalls implements LambdaCalls {
    private final LogicalPlan plan;
    private final IrInterpreter interpreter;
    private final Map<Object, Map<String, LambdaSite>> sites = new IdentityHashMap<>();

    InterpretedCalls(LogicalPlan plan, IrInterpreter interpreter) {
        this.plan = plan;
        this.interpreter = interpreter;
    }

    @Override
    public synchronized Object call(Object site, String role, Object fn, Object... args) {
        LambdaSite s = sites.computeIfAbsent(site, k -> new java.util.HashMap<>())
                .computeIfAbsent(role, r -> plan.lambda(site, r));
        if (!(s.lift() instanceof LiftResult.Lifted l)) {
            return OriginalCalls.INSTANCE.call(site, role, fn, args);
        }
        LiftedLambda ir = l.ir();
        Object[] irArgs = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Var p = ir.args().get(i);
            irArgs[i] = IrValues.toIr(args[i], p.type());
        }
        Object result = interpreter.call(ir, l.captures(), irArgs);
        if (FanOut.is(ir.main().result())) {
            return FanOut.toJava(result, ir.main().result(), fn.getClass().getClassLoader());
        }
        return IrValues.toJava(result, ir.main().result(), fn.getClass().getClassLoader());
    }
}
