package dev.threshold.capture;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The tallies of one capture while it runs, and its report. */
final class CaptureRun {

    static final int MAX_LISTED = 1000;
    static final int MAX_UNMATCHED = 100;
    /** Unmatched people held in memory at most; beyond, their tallies go to the {@link Spill} (and are added up there). */
    static final int SPILL_AT = 10_000;

    /** The people who are not contacts, one entry per person with their interactions so far. */
    record Tally(String partyKey, Party party, long interactions) {}

    /**
     * Where the unmatched tallies go once there are more than {@link #SPILL_AT} people (a mailbox can name hundreds
     * of thousands): {@link CaptureStaging}'s temporary table, so that memory holds a bounded number of them.
     */
    interface Spill {
        /** Adds these tallies to the ones already there (a person seen again adds up). */
        void add(Collection<Tally> tallies);

        /** The {@code n} people with the most interactions, ties by e-mail, phone and name. */
        List<CaptureReport.Unmatched> top(int n);
    }

    private final Spill spill;
    private boolean spilled;

    CaptureRun(Spill spill) {
        this.spill = spill;
    }

    long items;
    long contactsCreated;
    long contactsUpdated;
    long contactsUnchanged;
    long contactsSkipped;
    long created;
    long unchanged;
    private final Map<String, Long> skippedBy = new TreeMap<>();
    private final List<CaptureReport.ItemError> errors = new ArrayList<>();
    private final List<CaptureReport.ItemError> warnings = new ArrayList<>();
    private final List<String> ignored = new ArrayList<>();
    /** party key → who they are and how many interactions they would have (one entry per unmatched person). */
    private final Map<String, Unmatched> unmatched = new HashMap<>();

    /** Code point order: what PostgreSQL's {@code COLLATE "C"} gives for UTF-8, so both ways list ties alike. */
    private static final Comparator<String> CODE_POINTS = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    private static final class Unmatched {
        final Party party;
        long interactions;

        Unmatched(Party party) {
            this.party = party;
        }
    }

    void skip(String reason) {
        skippedBy.merge(reason, 1L, Long::sum);
    }

    void error(String file, long line, String item, String message) {
        skip("unreadable");
        if (errors.size() < MAX_LISTED) {
            errors.add(new CaptureReport.ItemError(file, line, item, message));
        }
    }

    void warning(String file, long line, String item, String message) {
        if (warnings.size() < MAX_LISTED) {
            warnings.add(new CaptureReport.ItemError(file, line, item, message));
        }
    }

    void contactError(String message) {
        if (errors.size() < MAX_LISTED) {
            errors.add(new CaptureReport.ItemError(null, 0, null, "contact not created: " + message));
        }
    }

    /** What the contact import of an archive's contacts file (LinkedIn's Connections.csv) did. */
    void contacts(String file, dev.threshold.importing.ImportReport report) {
        contactsCreated += report.created();
        contactsUpdated += report.updated();
        contactsUnchanged += report.unchanged();
        contactsSkipped += report.skipped();
        for (var e : report.errors()) {
            if (errors.size() < MAX_LISTED) {
                errors.add(new CaptureReport.ItemError(file, e.line(), null, "contact not imported: " + e.message()));
            }
        }
        if (report.warnings() != null) {
            for (var w : report.warnings()) {
                warning(file, w.line(), null, w.message());
            }
        }
    }

    void ignored(String name) {
        if (ignored.size() < MAX_LISTED) {
            ignored.add(name == null ? "(a part without a file name)" : name);
        }
    }

    void unmatched(String partyKey, Party party) {
        unmatched.computeIfAbsent(partyKey, k -> new Unmatched(party)).interactions++;
        skip("notAContact");
        if (unmatched.size() > SPILL_AT) {
            spill();
        }
    }

    private void spill() {
        spill.add(unmatched.entrySet().stream()
                .map(e -> new Tally(e.getKey(), e.getValue().party, e.getValue().interactions))
                .toList());
        unmatched.clear();
        spilled = true;
    }

    CaptureReport report(boolean dryRun) {
        long skipped = skippedBy.values().stream().mapToLong(Long::longValue).sum();
        List<CaptureReport.Unmatched> people;
        if (spilled) {
            spill();
            people = spill.top(MAX_UNMATCHED);
        } else {
            people = unmatched.values().stream()
                    .sorted(Comparator.<Unmatched>comparingLong(u -> -u.interactions)
                            .thenComparing(u -> u.party.email() == null ? "" : u.party.email(), CODE_POINTS)
                            .thenComparing(u -> u.party.phone() == null ? "" : u.party.phone(), CODE_POINTS)
                            .thenComparing(u -> u.party.name() == null ? "" : u.party.name(), CODE_POINTS))
                    .limit(MAX_UNMATCHED)
                    .map(u -> new CaptureReport.Unmatched(
                            u.party.name(), u.party.email(), u.party.phone(), u.interactions))
                    .toList();
        }
        return new CaptureReport(
                dryRun,
                contactsCreated,
                contactsUpdated,
                contactsUnchanged,
                contactsSkipped,
                items,
                new CaptureReport.Interactions(created, unchanged, skipped, new TreeMap<>(skippedBy)),
                people,
                List.copyOf(errors),
                List.copyOf(warnings),
                List.copyOf(ignored));
    }
}
