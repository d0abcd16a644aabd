package dev.ferry.common.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON form of every contract message, configured once and without CDI, so that every
 * service (and every test) writes and reads messages alike.
 *
 * <p>Readers are tolerant: a field they do not know is ignored, so that a service of a newer
 * version can add fields while older ones still run (a rolling upgrade). Plans, which people
 * write, are read strictly instead ({@link dev.ferry.common.plan.PlanReader}). Absent values are
 * left out of the JSON; times are ISO-8601 strings.
 */
public final class Messages {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private Messages() {
    }

    /** A copy of the configured mapper, for frameworks that want one (e.g. Kafka serialisers). */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    public static byte[] toBytes(Object message) {
        try {
            return MAPPER.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + message.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static String toJson(Object message) {
        try {
            return MAPPER.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + message.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** @throws MalformedMessageException if the bytes are not the JSON of {@code type} */
    public static <T> T fromBytes(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new MalformedMessageException("Not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            // Reading from a byte array does no I/O: only a bug gets here.
            throw new UncheckedIOException(e);
        }
    }

    /** @throws MalformedMessageException if the text is not the JSON of {@code type} */
    public static <T> T fromJson(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new MalformedMessageException("Not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
