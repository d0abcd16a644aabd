package dev.ferry.coordinator.api;

import dev.ferry.coordinator.run.RunAlreadyFinishedException;
import dev.ferry.coordinator.run.RunNotFoundException;
import dev.ferry.coordinator.run.RunRegistry;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every error of the API into {@code application/problem+json} (RFC 9457), so that clients
 * have one error format to read: a refused plan lists every problem in {@code problems}.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response planRefused(PlanRefusedException e, UriInfo uri) {
        return answer(new Problem(Problem.TYPE_PREFIX + "plan-refused", "The plan was refused", 400, e.getMessage(),
                path(uri), e.problems()));
    }

    @ServerExceptionMapper
    public Response runNotFound(RunNotFoundException e, UriInfo uri) {
        return answer(problem("run-not-found", "No such run", 404, e.getMessage(), uri));
    }

    @ServerExceptionMapper
    public Response runFinished(RunAlreadyFinishedException e, UriInfo uri) {
        return answer(problem("run-finished", "The run has finished", 409, e.getMessage(), uri));
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e, UriInfo uri) {
        return answer(problem("invalid-request", "Invalid request", 400, e.getMessage(), uri));
    }

    @ServerExceptionMapper
    public Response notReady(RunRegistry.NotReadyException e, UriInfo uri) {
        return answer(problem("not-ready", "The coordinator is not ready", 503, e.getMessage(), uri));
    }

    /** JAX-RS's own errors (unknown path, method not allowed, unsupported media type, bad parameters). */
    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return answer(new Problem(Problem.BLANK_TYPE, status.getReasonPhrase(), status.getStatusCode(),
                e.getMessage(), path(uri), null));
    }

    /** Anything else is a fault of the coordinator or of what it depends on: logged with its stack. */
    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        LOG.errorf(e, "Request %s failed", path(uri));
        return answer(problem("internal", "The coordinator could not complete the request", 500,
                e.getMessage() + " (see the coordinator's log)", uri));
    }

    private static Problem problem(String type, String title, int status, String detail, UriInfo uri) {
        return new Problem(Problem.TYPE_PREFIX + type, title, status, detail, path(uri), null);
    }

    private static String path(UriInfo uri) {
        return uri.getRequestUri().getRawPath();
    }

    private static Response answer(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
