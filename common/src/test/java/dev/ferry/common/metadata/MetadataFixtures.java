package dev.ferry.common.metadata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/** The {@code $metadata} documents of src/test/resources/fixtures, each read once per test JVM (they are large). */
public final class MetadataFixtures {

    public static final String DATAVERSE_V8 = "crm2016-v8-DynamicsCRM.xml";
    public static final String DATAVERSE_V91 = "dataverse-v9.1-base.xml";
    public static final String PLAIN_ODATA_SHOP = "plain-odata-shop.xml";

    private static final Map<String, ServiceMetadata> READ = new ConcurrentHashMap<>();

    private MetadataFixtures() {
    }

    public static ServiceMetadata metadata(String fixture) {
        return READ.computeIfAbsent(fixture, MetadataFixtures::read);
    }

    /** Opens a fixture; the large real documents are stored gzipped to keep the repository small. */
    public static InputStream open(String fixture) {
        InputStream gz = MetadataFixtures.class.getResourceAsStream("/fixtures/" + fixture + ".gz");
        if (gz != null) {
            try {
                return new GZIPInputStream(gz);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read test fixture " + fixture + ".gz", e);
            }
        }
        InputStream in = MetadataFixtures.class.getResourceAsStream("/fixtures/" + fixture);
        if (in == null) {
            throw new IllegalArgumentException("No test fixture " + fixture);
        }
        return in;
    }

    private static ServiceMetadata read(String fixture) {
        try (InputStream in = open(fixture)) {
            return new CsdlMetadataReader().read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
