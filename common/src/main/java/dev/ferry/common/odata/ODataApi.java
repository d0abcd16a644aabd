package dev.ferry.common.odata;

import io.quarkus.rest.client.reactive.Url;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;

/**
 * The few HTTP exchanges the OData client needs, as a Quarkus REST Client interface. Every method
 * takes the request's absolute URL ({@link Url}): {@code @odata.nextLink}s come absolute with their
 * own query, so the client builds every URL itself (see {@link ODataUrls}) instead of templating
 * paths. Answers of any status come back as a {@link Response} (the default exception mapper is
 * off): {@link RestODataClient} classifies them.
 */
@ClientHeaderParam(name = "OData-MaxVersion", value = "4.0")
@ClientHeaderParam(name = "OData-Version", value = "4.0")
public interface ODataApi {

    /** A read: an entity set page, {@code $metadata} or metadata entities. */
    @GET
    Response get(@Url String url, @HeaderParam("Accept") String accept, @HeaderParam("Prefer") String prefer);

    /** An action ({@code UpsertMultiple}) or a {@code $batch}: the body as bytes with its content type. */
    @POST
    Response post(@Url String url, @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Accept") String accept, @HeaderParam("Prefer") String prefer, byte[] body);

    /** An upsert of one record, or an update only with {@code If-Match: *} (null: no such header). */
    @PATCH
    Response patch(@Url String url, @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Accept") String accept, @HeaderParam("Prefer") String prefer,
            @HeaderParam("If-Match") String ifMatch, byte[] body);
}
