package io.pappus.cluster.worker;

import io.pappus.cluster.ClusterSettings;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The worker command's options: defaults, join addresses, and usage errors that start nothing. */
class WorkerCommandTest {

    private static WorkerCommand parse(String... args) {
        WorkerCommand c = new WorkerCommand(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        new CommandLine(c).parseArgs(args);
        return c;
    }

    @Test
    void defaultsStartANewClusterOnLoopback() {
        WorkerCommand c = parse();
        ClusterSettings s = c.settings();
        assertEquals("127.0.0.1", s.bindAddress());
        assertEquals("pappus", s.clusterName());
        assertEquals(List.of(), c.joinAddresses());
        assertEquals(300, c.calibrationMillis());
    }

    @Test
    void optionsSetBindNameAndPort() {
        WorkerCommand c = parse("--bind", "10.1.2.3", "--cluster-name", "prices", "--port", "5800", "--calibration-ms", "50");
        assertEquals("10.1.2.3", c.settings().bindAddress());
        assertEquals("prices", c.settings().clusterName());
        assertEquals(50, c.calibrationMillis());
    }

    @Test
    void joinTakesHostsWithOrWithoutPortRepeatedOrCommaSeparated() {
        WorkerCommand c = parse("--join", "10.0.0.5", "--join", "node-b:5702,node-c:6000");
        assertEquals(List.of("10.0.0.5:5701", "node-b:5702", "node-c:6000"), c.joinAddresses());
    }

    @Test
    void aBadJoinPortIsAUsageErrorNamingTheValue() {
        CommandLine.ParameterException e = assertThrows(CommandLine.ParameterException.class,
                () -> parse("--join", "host:seventy").joinAddresses());
        assertTrue(e.getMessage().contains("host:seventy"), e.getMessage());
        assertThrows(CommandLine.ParameterException.class, () -> parse("--join", "host:70000").joinAddresses());
        assertThrows(CommandLine.ParameterException.class, () -> parse("--join", ":5701").joinAddresses());
    }

    @Test
    void aBadPortIsAUsageError() {
        assertThrows(CommandLine.ParameterException.class, () -> parse("--port", "0").settings());
        assertThrows(CommandLine.ParameterException.class, () -> parse("--port", "many"));
    }

    @Test
    void executeReportsUsageErrorsWithExitCodeTwoAndStartsNoMember() {
        StringWriter err = new StringWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WorkerCommand c = new WorkerCommand(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code = new CommandLine(c).setErr(new PrintWriter(err)).execute("--join", "host:x");
        assertEquals(2, code);
        assertTrue(err.toString().contains("host:x"), err.toString());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpListsEveryOption() {
        String usage = new CommandLine(new WorkerCommand()).getUsageMessage();
        for (String o : List.of("--join", "--port", "--bind", "--cluster-name", "--calibration-ms")) {
            assertTrue(usage.contains(o), usage);
        }
    }
}
