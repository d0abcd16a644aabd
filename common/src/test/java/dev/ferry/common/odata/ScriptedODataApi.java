package dev.ferry.common.odata;

import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** An {@link ODataApi} that answers as a test scripts it and records every request. */
final class ScriptedODataApi implements ODataApi {

    /** One request as the client sent it. */
    record Sent(String method, String url, String contentType, String prefer, String body) {
    }

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Function<Sent, Response> script;

    ScriptedODataApi(Function<Sent, Response> script) {
        this.script = script;
    }

    @Override
    public Response get(String url, String accept, String prefer) {
        return answer(new Sent("GET", url, null, prefer, ""));
    }

    @Override
    public Response post(String url, String contentType, String accept, String prefer, byte[] body) {
        return answer(new Sent("POST", url, contentType, prefer, new String(body, StandardCharsets.UTF_8)));
    }

    @Override
    public Response patch(String url, String contentType, String accept, String prefer, String ifMatch, byte[] body) {
        return answer(new Sent("PATCH", url, contentType, prefer, new String(body, StandardCharsets.UTF_8)));
    }

    private Response answer(Sent request) {
        sent.add(request);
        return script.apply(request);
    }

    List<Sent> sent(String method, String urlPart) {
        return sent.stream().filter(s -> s.method().equals(method) && s.url().contains(urlPart)).toList();
    }

    static Response status(int status, String contentType, String body) {
        Response.ResponseBuilder builder = Response.status(status);
        if (body != null) {
            builder.entity(body.getBytes(StandardCharsets.UTF_8)).header("Content-Type", contentType);
        }
        return builder.build();
    }

    /** A {@code multipart/mixed} batch answer with one part per {@code (status, retryAfter, json)}. */
    /** One part of a scripted batch answer; {@code retryAfter} and {@code json} may be null. */
    record Part(int status, String retryAfter, String json) {
    }

    static Response batchAnswer(Part... parts) {
        String boundary = "batchresponse_test";
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            text.append("--").append(boundary).append("\r\n")
                    .append("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n")
                    .append("HTTP/1.1 ").append(part.status()).append(" Whatever\r\n");
            if (part.retryAfter() != null) {
                text.append("Retry-After: ").append(part.retryAfter()).append("\r\n");
            }
            if (part.json() != null) {
                text.append("Content-Type: application/json; odata.metadata=minimal\r\n\r\n").append(part.json()).append("\r\n");
            } else {
                text.append("\r\n");
            }
        }
        text.append("--").append(boundary).append("--\r\n");
        return status(200, "multipart/mixed; boundary=" + boundary, text.toString());
    }
}
