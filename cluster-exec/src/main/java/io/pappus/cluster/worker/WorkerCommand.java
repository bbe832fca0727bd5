package io.pappus.cluster.worker;

import com.hazelcast.core.HazelcastInstance;
import io.pappus.cluster.ClusterMember;
import io.pappus.cluster.ClusterSettings;
import io.pappus.cluster.remote.ChunkRunners;
import io.pappus.cluster.remote.MemberTarget;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code pappus-worker}: starts one Pappus member on this machine and keeps it running until
 * the process is stopped. With nothing to join it starts a new cluster.
 *
 * <pre>
 * java -jar cluster-exec/target/pappus-worker.jar                          # the first member
 * java -jar cluster-exec/target/pappus-worker.jar --join 10.0.0.5 --bind 10.0.0.6
 * </pre>
 */
@Command(name = "pappus-worker", mixinStandardHelpOptions = true, version = "pappus-worker 0.1",
        description = "Starts a Pappus cluster member (a Hazelcast member that runs shipped query fragments).")
public final class WorkerCommand implements Callable<Integer> {
    /** Printed, with the member's address, once the member is up: scripts and tests wait for it. */
    public static final String READY = "pappus-worker ready";

    @Option(names = "--join", paramLabel = "host[:port]", split = ",",
            description = "A member of the cluster to join (repeatable, or comma-separated). None: start a new cluster.")
    private List<String> join = new ArrayList<>();

    @Option(names = "--port", defaultValue = "5701", description = "The port to listen on (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "The interface to bind to (default: ${DEFAULT-VALUE}; members are reachable only locally unless set).")
    private String bind;

    @Option(names = "--cluster-name", defaultValue = "pappus", description = "The cluster's name (default: ${DEFAULT-VALUE}).")
    private String clusterName;

    @Option(names = "--config", paramLabel = "hazelcast.yaml",
            description = "A standard Hazelcast member configuration (YAML or XML): network, join and cluster name as it"
                    + " says (--join, --port, --bind and --cluster-name are then ignored); Pappus adds its maps,"
                    + " admission limit and deserialisation allow-list.")
    private java.nio.file.Path config;

    @Option(names = "--calibration-ms", defaultValue = "300",
            description = "How long the start-up throughput calibration may run (default: ${DEFAULT-VALUE} ms).")
    private long calibrationMillis;

    @Spec
    private CommandSpec spec;

    @Option(names = "--no-devices", description = "Do not look for OpenCL devices: advertise none and run every chunk"
            + " on the JVM (pappus.cluster.memberTarget=jvm; starts faster).")
    private boolean noDevices;

    @Option(names = "--jet", paramLabel = "package", split = ",",
            description = "Also run Hazelcast Jet jobs whose classes are in these packages (for comparisons)."
                    + " Jet jobs carry code, so the member then deserialises any class: use only where every client is trusted.")
    private List<String> jetPackages = new ArrayList<>();

    private final PrintStream out;
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** A command that reports on standard output. */
    public WorkerCommand() {
        this(System.out);
    }

    WorkerCommand(PrintStream out) {
        this.out = out;
    }

    /** @param args the command line; exits with 0 after a clean stop, 2 for a usage error */
    public static void main(String[] args) {
        // Log to stderr at info (slf4j-simple in the jar); Hazelcast's own chatter at warn.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "info"));
        System.setProperty("org.slf4j.simpleLogger.log.com.hazelcast",
                System.getProperty("org.slf4j.simpleLogger.log.com.hazelcast", "warn"));
        System.exit(new CommandLine(new WorkerCommand()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        HazelcastInstance member = start();
        Runtime.getRuntime().addShutdownHook(new Thread(member::shutdown, "pappus-worker-shutdown"));
        member.getLifecycleService().addLifecycleListener(e -> {
            if (e.getState() == com.hazelcast.core.LifecycleEvent.LifecycleState.SHUTDOWN) {
                stopped.countDown();
            }
        });
        stopped.await();
        return 0;
    }

    /** @return the started member; the caller shuts it down */
    HazelcastInstance start() {
        ClusterSettings settings = settings();
        List<String> members = joinAddresses();
        if (noDevices) {
            System.setProperty(MemberTarget.PROPERTY, "jvm");  // before the runner first looks for a device
        }
        MemberProfile profile = MemberProfile.measure(calibrationMillis, !noDevices);
        HazelcastInstance member = config != null ? ClusterMember.start(config, settings, profile.attributes())
                : ClusterMember.start(settings, port, members, profile.attributes(), jetPackages);
        var address = member.getCluster().getLocalMember().getAddress();
        out.println(READY + " " + address.getHost() + ":" + address.getPort() + " cluster="
                + member.getConfig().getClusterName() + " members=" + member.getCluster().getMembers().size()
                + " runner=" + ChunkRunners.get().name() + " profile=" + profile.attributes());
        out.flush();
        return member;
    }

    /** @return the settings the member starts with */
    ClusterSettings settings() {
        if (port < 1 || port > 65_535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be 1 to 65535, was " + port);
        }
        return ClusterSettings.defaults().withClusterName(clusterName).withBindAddress(bind);
    }

    /** @return the members to join as {@code host:port}, port 5701 where none was given */
    List<String> joinAddresses() {
        List<String> out = new ArrayList<>();
        for (String j : join) {
            String a = j.trim();
            if (a.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--join needs host[:port], was empty");
            }
            int colon = a.lastIndexOf(':');
            if (colon < 0) {
                out.add(a + ":5701");
                continue;
            }
            String p = a.substring(colon + 1);
            int n;
            try {
                n = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (colon == 0 || n < 1 || n > 65_535) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--join needs host[:port] with a port of 1 to 65535, was '" + j + "'");
            }
            out.add(a);
        }
        return out;
    }

    boolean probesDevices() {
        return !noDevices;
    }

    List<String> jetPackages() {
        return jetPackages;
    }

    long calibrationMillis() {
        return calibrationMillis;
    }
}
