package dev.threshold.importing;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * One kind of import that can run as a job: a bean of this type is its whole registration with {@link ImportJobs}
 * (its {@link #kind()} names it in the jobs' {@code kind} field and in {@link ImportFinished}). A resource of the kind
 * hands its request to {@link ImportJobs#accept}, which runs {@link #run} at once (200 with the report) or later on a
 * worker of the instance that received the body (202 with the job). A feature above this one (capture) implements it
 * too: the dependency points down.
 */
public interface ImportKind {

    /** The kind's name: lower case, as in the path {@code /imports/{kind}} (e.g. {@code vcard}, {@code calendar}). */
    String kind();

    /**
     * Imports {@code body} for {@code owner} and returns the report (serialised as JSON into the job). Runs in the
     * caller's transaction when there is one (a keyed synchronous request), else it opens its own: a job calls it with
     * none. Bad input is an {@link dev.threshold.platform.problem.ApiProblem} (a job ends FAILED with its detail);
     * {@code options} are the request's query parameters (first value of each).
     */
    Object run(String owner, InputStream body, String mediaType, Map<String, String> options) throws IOException;
}
