package io.pappus.place;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Device profiles measured once and kept on disk, one properties file per device key, in the
 * folder named by system property {@value #DIR_PROPERTY} (default
 * {@code ~/.cache/pappus/calibration}). Delete a file to measure that device again.
 *
 * <pre>{@code
 * DeviceProfile p = CalibrationStore.standard().profile("jvm-2cores", () -> measure());
 * }</pre>
 */
public final class CalibrationStore {
    /** System property: the folder calibration files are kept in. */
    public static final String DIR_PROPERTY = "pappus.calibration.dir";
    private static final Logger LOG = LoggerFactory.getLogger(CalibrationStore.class);
    private final Path dir;

    /** @param dir the folder; created when first written */
    public CalibrationStore(Path dir) {
        this.dir = dir;
    }

    /** @return the store in {@value #DIR_PROPERTY}, or the default folder */
    public static CalibrationStore standard() {
        String d = System.getProperty(DIR_PROPERTY);
        return new CalibrationStore(d != null && !d.isBlank() ? Path.of(d)
                : Path.of(System.getProperty("user.home"), ".cache", "pappus", "calibration"));
    }

    /**
     * @param key     a file-name-safe key naming the device and what its speed depends on
     * @param measure measures the device when no file is kept
     * @return the kept profile, or a fresh measurement (then kept)
     */
    public synchronized DeviceProfile profile(String key, Supplier<DeviceProfile> measure) {
        Path file = dir.resolve(key.replaceAll("[^A-Za-z0-9._-]", "_") + ".properties");
        if (Files.isRegularFile(file)) {
            try {
                return read(file);
            } catch (IOException | RuntimeException e) {
                LOG.warn("calibration file {} unreadable ({}), measuring again", file, e.toString());
            }
        }
        DeviceProfile p = measure.get();
        try {
            write(file, p);
            LOG.info("calibrated {}: {}, kept in {}", p.name(), p, file);
        } catch (IOException e) {
            LOG.warn("could not keep calibration in {}: {}", file, e.toString());
        }
        return p;
    }

    private static DeviceProfile read(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        return new DeviceProfile(p.getProperty("id"), p.getProperty("name"), p.getProperty("backend"),
                num(p, "launchNanos"), num(p, "linkBytesPerNano"), num(p, "workPerNano"), num(p, "compileNanos"),
                Boolean.parseBoolean(p.getProperty("fp64")));
    }

    private static double num(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("missing " + key);
        }
        return Double.parseDouble(v);
    }

    private void write(Path file, DeviceProfile d) throws IOException {
        Files.createDirectories(dir);
        Properties p = new Properties();
        p.setProperty("id", d.id());
        p.setProperty("name", d.name());
        p.setProperty("backend", d.backend());
        p.setProperty("launchNanos", Double.toString(d.launchNanos()));
        p.setProperty("linkBytesPerNano", Double.toString(d.linkBytesPerNano()));
        p.setProperty("workPerNano", Double.toString(d.workPerNano()));
        p.setProperty("compileNanos", Double.toString(d.compileNanos()));
        p.setProperty("fp64", Boolean.toString(d.fp64()));
        Path tmp = Files.createTempFile(dir, "calibration", ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            p.store(out, "Pappus device calibration; delete to measure again");
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** @return the folder */
    public Path dir() {
        return dir;
    }
}
