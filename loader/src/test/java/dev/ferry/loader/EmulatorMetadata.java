package dev.ferry.loader;

import dev.ferry.common.metadata.CsdlMetadataReader;
import dev.ferry.common.metadata.ServiceMetadata;
import dev.ferry.emulator.Emulator;
import dev.ferry.emulator.EmulatorOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The emulator's crm {@code $metadata}, read once per test JVM as a target would serve it. */
final class EmulatorMetadata {

    private static ServiceMetadata crm;

    private EmulatorMetadata() {
    }

    static synchronized ServiceMetadata crm() {
        if (crm == null) {
            try (Emulator emulator = Emulator.start(EmulatorOptions.defaults())) {
                HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "$metadata")).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
                    crm = new CsdlMetadataReader().read(body);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return crm;
    }
}
