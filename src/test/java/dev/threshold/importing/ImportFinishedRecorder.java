package dev.threshold.importing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The tests' observer of {@link ImportFinished}: what each owner's imports announced, in order, waited for with a timeout. */
@ApplicationScoped
public class ImportFinishedRecorder {

    private final Map<String, BlockingQueue<ImportFinished>> byOwner = new ConcurrentHashMap<>();

    void on(@Observes ImportFinished event) {
        queue(event.owner()).add(event);
    }

    /** The owner's next event; fails when none comes within {@code wait}. */
    public ImportFinished next(String owner, Duration wait) throws InterruptedException {
        ImportFinished event = queue(owner).poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new AssertionError("no ImportFinished for " + owner + " within " + wait);
        }
        return event;
    }

    /** The owner's events so far, not waited for. */
    public int pending(String owner) {
        return queue(owner).size();
    }

    private BlockingQueue<ImportFinished> queue(String owner) {
        return byOwner.computeIfAbsent(owner, o -> new LinkedBlockingQueue<>());
    }
}
