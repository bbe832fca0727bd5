package io.pappus.jvm.codegen;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether generated loops may use the JDK's vector API. It is an incubator module, resolved only
 * when the JVM starts with {@code --add-modules jdk.incubator.vector}; without it the scalar
 * predicated loop runs (about 2x slower on W1 here), and Pappus says so once.
 * {@code -Dpappus.jvm.vector=off} keeps the scalar loop even when the module is there.
 * Preferred vectors narrower than four doubles (no AVX) gain nothing and are not used.
 */
public final class VectorSupport {
    private static final Logger LOG = LoggerFactory.getLogger(VectorSupport.class);
    /** The module's name, as {@code --add-modules} takes it. */
    public static final String MODULE = "jdk.incubator.vector";
    private static final boolean ENABLED = decide();

    private VectorSupport() {
    }

    /** @return whether generated loops use the vector API in this JVM */
    public static boolean enabled() {
        return ENABLED;
    }

    private static boolean decide() {
        if ("off".equals(System.getProperty("pappus.jvm.vector"))) {
            LOG.info("vector loops are off (-Dpappus.jvm.vector=off): cheap filters feeding a sum run as scalar"
                    + " predicated loops");
            return false;
        }
        if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
            LOG.info("the JDK's vector API is not enabled: cheap filters feeding a sum run as scalar predicated"
                    + " loops; start the JVM with --add-modules {} for vector loops", MODULE);
            return false;
        }
        try {
            Object species = Class.forName(MODULE + ".DoubleVector").getField("SPECIES_PREFERRED").get(null);
            int lanes = (Integer) Class.forName(MODULE + ".VectorSpecies").getMethod("length").invoke(species);
            if (lanes < 4) {
                LOG.info("the preferred vector holds {} doubles here: vector loops are not used", lanes);
                return false;
            }
            LOG.info("vector loops on: {} doubles a vector", lanes);
            return true;
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.warn("the vector API could not be inspected, vector loops are off: {}", e.toString());
            return false;
        }
    }
}
