package dev.ferry.coordinator;

import dev.ferry.common.metadata.CsdlMetadataReader;
import dev.ferry.common.metadata.ServiceMetadata;
import dev.ferry.emulator.csdl.MetadataHandler;
import dev.ferry.emulator.schema.CrmSchema;
import java.io.ByteArrayInputStream;

/** The emulator's crm {@code $metadata}, read as the coordinator reads a service's, without HTTP. */
public final class CrmMetadata {

    private static final ServiceMetadata CRM = new CsdlMetadataReader()
            .read(new ByteArrayInputStream(MetadataHandler.document(CrmSchema.build())));

    private CrmMetadata() {
    }

    public static ServiceMetadata crm() {
        return CRM;
    }
}
