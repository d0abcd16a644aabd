package dev.ferry.coordinator.api;

import dev.ferry.common.plan.Plan;
import dev.ferry.coordinator.run.DeadLetterPage;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The coordinator's HTTP API (DESIGN.md, "Coordinator HTTP API"); the work is {@link MigrationService}'s. */
@Path("/migrations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "migrations", description = "Plans, runs, their progress and their errors")
public class MigrationResource {

    private final MigrationService service;

    @Inject
    public MigrationResource(MigrationService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a run of a plan",
            description = "Reads the plan strictly and validates it against the source's and target's $metadata;"
                    + " a plan with any problem is refused with all of them. An accepted run's topics and extract"
                    + " tasks are created at once; tables are released to the loaders parents first.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Plan.class)))
    @APIResponse(responseCode = "202", description = "Accepted; the run is at Location",
            content = @Content(schema = @Schema(implementation = RunAccepted.class)))
    @APIResponse(responseCode = "400", description = "The plan was refused; every problem is in problems",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(String plan, @Context UriInfo uri) {
        RunAccepted accepted = service.submit(plan);
        return Response.accepted(accepted)
                .location(uri.getBaseUriBuilder().path(MigrationResource.class).path(accepted.runId()).build())
                .build();
    }

    @POST
    @Path("/validate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Dry run of a plan",
            description = "The problems, or the load order in waves and the columns each table's extraction"
                    + " selects. Nothing is created.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Plan.class)))
    @APIResponse(responseCode = "200", description = "The report, valid or not",
            content = @Content(schema = @Schema(implementation = ValidationReport.class)))
    public ValidationReport validate(String plan) {
        return service.validate(plan);
    }

    @GET
    @Operation(summary = "The runs, newest first")
    public List<RunSummary> history(
            @Parameter(description = "the most runs to list; default ferry.coordinator.history-limit (100)")
            @QueryParam("limit") Integer limit) {
        return service.history(limit);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A run and each of its tables: status, counts, what a waiting table waits for")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RunView run(@PathParam("id") String id) {
        return service.run(id);
    }

    @GET
    @Path("/{id}/errors")
    @Operation(summary = "The records the target rejected in the run, with the target's reason",
            description = "Read from the run's dead-letter topic, ordered by partition then offset; page with"
                    + " offset and limit (limit at most ferry.coordinator.errors.max-limit, 1000 by default)."
                    + " Record contents are not returned.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DeadLetterPage.class)))
    @APIResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeadLetterPage errors(@PathParam("id") String id,
                                 @Parameter(description = "dead letters to skip; default 0")
                                 @QueryParam("offset") Long offset,
                                 @Parameter(description = "the most to return; default"
                                         + " ferry.coordinator.errors.default-limit (100)")
                                 @QueryParam("limit") Integer limit) {
        return service.errors(id, offset, limit);
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel a run", description = "Its unfinished tables are cancelled: loaders and"
            + " extractors stop working on them. Loaded records stay in the target.")
    @APIResponse(responseCode = "200", description = "The run, cancelled",
            content = @Content(schema = @Schema(implementation = RunView.class)))
    @APIResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The run has already finished",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RunView cancel(@PathParam("id") String id) {
        return service.cancel(id);
    }
}
