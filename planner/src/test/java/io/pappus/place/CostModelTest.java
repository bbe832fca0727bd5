package io.pappus.place;

import org.junit.jupiter.api.Test;

import static io.pappus.place.FakeDevices.cpu;
import static io.pappus.place.FakeDevices.gpu;
import static io.pappus.place.FakeDevices.map;
import static io.pappus.place.FakeDevices.offers;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The model adds launch + in/link + work/throughput + out/link, and the CPU/GPU crossover
 * moves with launch cost and link bandwidth exactly as that formula says.
 */
class CostModelTest {
    private final Placer placer = new Placer(new CostModel(new ExecutionHistory()));

    @Test
    void predictionIsTheSumOfItsTerms() {
        Prediction p = new CostModel(new ExecutionHistory()).predict(map(1_000_000), gpu(50_000, 10.0), false);
        assertEquals(50_000, p.launch());
        assertEquals(800_000, p.transferIn(), 1e-6);     // 8 MB at 10 bytes/ns
        assertEquals(250_000, p.compute(), 1e-6);        // 10 M work units at 40/ns
        assertEquals(800_000, p.transferOut(), 1e-6);
        assertEquals(0, p.compile());
        assertEquals(1_900_000, p.total(), 1e-6);
    }

    @Test
    void compileCostCountsOnlyWhenNotCached() {
        DeviceProfile d = new DeviceProfile("gpu", "GPU", "opencl", 0, 10, 40, 30e6, true);
        CostModel m = new CostModel(new ExecutionHistory());
        assertEquals(30e6, m.predict(map(1), d, false).compile());
        assertEquals(0, m.predict(map(1), d, true).compile());
    }

    /** n* where launch_cpu + n*w/t_cpu = launch_gpu + n*(16/link + w/t_gpu). */
    static double crossover(DeviceProfile cpu, DeviceProfile gpu) {
        double perCpu = 10 / cpu.workPerNano();
        double perGpu = 16 / gpu.linkBytesPerNano() + 10 / gpu.workPerNano();
        return (gpu.launchNanos() - cpu.launchNanos()) / (perCpu - perGpu);
    }

    private String choice(long n, DeviceProfile cpu, DeviceProfile gpu) {
        return placer.decide(map(n), offers(cpu, gpu), "single device under test").device().id();
    }

    private void assertCrossoverAt(DeviceProfile gpu) {
        double n = crossover(cpu(), gpu);
        assertEquals("jvm", choice((long) (n * 0.95), cpu(), gpu), "below the crossover " + n);
        assertEquals("gpu", choice((long) (n * 1.05), cpu(), gpu), "above the crossover " + n);
    }

    @Test
    void crossoverSitsWhereTheFormulaPutsIt() {
        assertCrossoverAt(gpu(100_000, 12.0));
    }

    @Test
    void higherLaunchCostMovesTheCrossoverUpInProportion() {
        double base = crossover(cpu(), gpu(100_000, 12.0));
        double dearer = crossover(cpu(), gpu(180_000, 12.0));
        assertEquals(2.0, (dearer - 0) / base, 1e-9);  // launch difference 80 us -> 160 us
        assertCrossoverAt(gpu(180_000, 12.0));
        assertEquals("jvm", choice((long) (base * 1.5), cpu(), gpu(180_000, 12.0)));
        assertEquals("gpu", choice((long) (base * 1.5), cpu(), gpu(100_000, 12.0)));
    }

    @Test
    void slowerLinkMovesTheCrossoverUp() {
        double fast = crossover(cpu(), gpu(100_000, 12.0));
        double slow = crossover(cpu(), gpu(100_000, 4.0));
        // per element: cpu 5 ns; gpu 16/12 + 0.25 = 1.583 ns vs 16/4 + 0.25 = 4.25 ns
        assertEquals((5 - 1.5833333333) / (5 - 4.25), slow / fast, 1e-6);
        assertCrossoverAt(gpu(100_000, 4.0));
        assertEquals("gpu", choice((long) (fast * 2), cpu(), gpu(100_000, 12.0)));
        assertEquals("jvm", choice((long) (fast * 2), cpu(), gpu(100_000, 4.0)));
    }

    @Test
    void aLinkTooSlowMeansTheGpuNeverWins() {
        // 16 bytes / 3 per ns = 5.33 ns per element in transfers alone, more than the CPU's 5 ns
        assertEquals("jvm", choice(1_000_000_000L, cpu(), gpu(100_000, 3.0)));
    }

    @Test
    void ineligibleDeviceIsNeverChosenAndSaysWhy() {
        Decision d = placer.decide(map(100_000_000), java.util.List.of(
                new Offer(cpu(), Eligibility.yes(), true),
                new Offer(gpu(1, 100), Eligibility.no("String column s"), true)), "");
        assertEquals("jvm", d.device().id());
        assertEquals("String column s", d.candidates().get(1).eligibility().reason());
        assertEquals(Double.POSITIVE_INFINITY, d.candidates().get(1).total());
    }
}
