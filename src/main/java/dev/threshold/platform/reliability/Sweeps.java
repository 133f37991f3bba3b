package dev.threshold.platform.reliability;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The background sweeps' timer: one daemon thread per sweep, a fixed delay of at least a second. */
public final class Sweeps {

    private Sweeps() {
    }

    /** Runs {@code task} every {@code interval} (first after one interval) on a daemon thread named {@code name}. */
    public static ScheduledExecutorService every(String name, Duration interval, Runnable task) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        long seconds = Math.max(1, interval.toSeconds());
        timer.scheduleWithFixedDelay(task, seconds, seconds, TimeUnit.SECONDS);
        return timer;
    }
}
