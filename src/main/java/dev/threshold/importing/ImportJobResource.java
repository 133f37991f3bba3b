package dev.threshold.importing;

import dev.threshold.platform.api.Page;
import dev.threshold.platform.api.PageRequest;
import dev.threshold.platform.api.Params;
import dev.threshold.platform.auth.CurrentOwner;
import dev.threshold.platform.problem.ApiProblem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/**
 * The owner's import jobs (docs/importing.md, "Jobs"): one by id, and the recent ones. Read from PostgreSQL, so any
 * instance answers for a job another one runs.
 */
@Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Import and export")
public class ImportJobResource {

    /** {@code GET /imports}'s page, named for the OpenAPI document. */
    @Schema(name = "ImportJobPage")
    public record JobPage(List<ImportJob> items, @Schema(nullable = true) String nextCursor) {}

    private final ImportJobs jobs;
    private final CurrentOwner owner;

    public ImportJobResource(ImportJobs jobs, CurrentOwner owner) {
        this.jobs = jobs;
        this.owner = owner;
    }

    @GET
    @Path("{id}")
    @Operation(
            operationId = "getImportJob",
            summary = "An import job",
            description = "Its status (QUEUED, RUNNING, SUCCEEDED, FAILED), its progress in bytes of the body (written"
                    + " every few seconds while it runs), and once it ended the report (SUCCEEDED) or the reason in"
                    + " words (FAILED). A job whose service instance stopped (a crash) ends FAILED within a minute;"
                    + " running the same file again completes it.")
    @APIResponse(
            responseCode = "200",
            description = "The job",
            content =
                    @Content(
                            schema = @Schema(implementation = ImportJob.class),
                            examples = {
                                @ExampleObject(name = "running", value = ImportExamples.JOB_RUNNING),
                                @ExampleObject(name = "succeeded", value = ImportExamples.JOB_SUCCEEDED),
                                @ExampleObject(name = "failed", value = ImportExamples.JOB_FAILED)
                            }))
    public ImportJob get(@Parameter(description = "The job's id (from Location)") @PathParam("id") String id) {
        UUID jobId = Params.pathId(id, "Import job");
        return jobs.find(owner.id(), jobId).orElseThrow(() -> ApiProblem.notFound("Import job"));
    }

    @GET
    @Operation(
            operationId = "listImportJobs",
            summary = "Recent import jobs",
            description = "The owner's import jobs, newest first (imports that ran synchronously are not jobs).")
    @APIResponse(
            responseCode = "200",
            description = "A page of jobs",
            content =
                    @Content(
                            schema = @Schema(implementation = JobPage.class),
                            examples = @ExampleObject(name = "jobs", value = ImportExamples.JOB_LIST)))
    public Page<ImportJob> list(
            @Parameter(description = "Page size, 1 to 200 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return jobs.page(owner.id(), PageRequest.parse(limit, cursor, "recent"));
    }
}
