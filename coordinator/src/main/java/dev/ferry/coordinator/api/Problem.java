package dev.ferry.coordinator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ferry.common.plan.PlanProblem;
import java.util.List;

/**
 * An error answer, RFC 9457 {@code application/problem+json}.
 *
 * @param type     a URI naming the kind of problem ({@code about:blank} when the status says it all)
 * @param title    the kind of problem, for people; the same for every occurrence of the type
 * @param status   the HTTP status
 * @param detail   this occurrence, for people: what went wrong and what to do
 * @param instance the request path
 * @param problems for a refused plan, every problem with its JSON pointer into the plan
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<PlanProblem> problems) {

    /** The media type of problem answers. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** The URI prefix of Ferry's problem types; a type names one kind of answer, it is not fetched. */
    static final String TYPE_PREFIX = "urn:ferry:problem:";
    static final String BLANK_TYPE = "about:blank";
}
