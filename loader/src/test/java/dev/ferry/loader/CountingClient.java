package dev.ferry.loader;

import dev.ferry.common.metadata.ServiceMetadata;
import dev.ferry.common.odata.AttributeInfo;
import dev.ferry.common.odata.BatchOutcome;
import dev.ferry.common.odata.ODataClient;
import dev.ferry.common.odata.Page;
import dev.ferry.common.odata.PageQuery;
import dev.ferry.common.odata.UpsertItem;
import dev.ferry.common.odata.WriteMethod;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A fake target: given metadata, writes answered by a function, and counts of what was asked. */
class CountingClient implements ODataClient {

    final ServiceMetadata metadata;
    volatile int metadataReads;
    final List<List<UpsertItem>> writes = Collections.synchronizedList(new ArrayList<>());
    /** The batches written with {@link #update} (also in {@link #writes}). */
    final List<List<UpsertItem>> updates = Collections.synchronizedList(new ArrayList<>());
    volatile Function<List<UpsertItem>, BatchOutcome> answer =
            items -> new BatchOutcome(WriteMethod.UPSERT_MULTIPLE, List.of(), true);

    CountingClient(ServiceMetadata metadata) {
        this.metadata = metadata;
    }

    @Override
    public String environment() {
        return "target";
    }

    @Override
    public String serviceRoot() {
        return "http://127.0.0.1:1/api/data/v9.2/";
    }

    @Override
    public ServiceMetadata metadata() {
        metadataReads++;
        return metadata;
    }

    @Override
    public Map<String, AttributeInfo> attributes(String entityLogicalName) {
        return Map.of();
    }

    @Override
    public Page firstPage(PageQuery query) {
        throw new UnsupportedOperationException("a loader does not read");
    }

    @Override
    public Page nextPage(String nextLink, PageQuery query) {
        throw new UnsupportedOperationException("a loader does not read");
    }

    @Override
    public BatchOutcome upsert(String entitySet, List<UpsertItem> items) {
        writes.add(List.copyOf(items));
        return answer.apply(items);
    }

    @Override
    public BatchOutcome upsert(String entitySet, List<UpsertItem> items, WriteMethod method) {
        return upsert(entitySet, items);
    }

    @Override
    public BatchOutcome update(String entitySet, List<UpsertItem> items) {
        updates.add(List.copyOf(items));
        return upsert(entitySet, items);
    }

    @Override
    public BatchOutcome update(String entitySet, List<UpsertItem> items, WriteMethod method) {
        return update(entitySet, items);
    }
}
