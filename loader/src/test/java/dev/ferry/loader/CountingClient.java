package dev.ferry.loader;

import dev.ferry.common.metadata.ServiceMetadata;
import dev.ferry.common.odata.AssociationItem;
import dev.ferry.common.odata.AttributeInfo;
import dev.ferry.common.odata.BatchOutcome;
import dev.ferry.common.odata.ManyToManyRelationship;
import dev.ferry.common.odata.ODataClient;
import dev.ferry.common.odata.Page;
import dev.ferry.common.odata.PageQuery;
import dev.ferry.common.odata.UpsertItem;
import dev.ferry.common.odata.WriteMethod;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    /** The batches written with {@link #associate}. */
    final List<List<AssociationItem>> associations = Collections.synchronizedList(new ArrayList<>());
    volatile Function<List<AssociationItem>, BatchOutcome> associationAnswer =
            items -> new BatchOutcome(WriteMethod.BATCH, List.of(), false);
    /** The ids asked for with {@link #existingIds}, one list per call. */
    final List<List<String>> existenceChecks = Collections.synchronizedList(new ArrayList<>());
    /** The rows {@link #existingIds} says exist, in any entity set. */
    final Set<String> existingRows = Collections.synchronizedSet(new HashSet<>());

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

    @Override
    public List<ManyToManyRelationship> manyToManyRelationships(String entityLogicalName) {
        return List.of();
    }

    @Override
    public BatchOutcome associate(String entitySet, String navigationProperty, String relatedEntitySet,
            List<AssociationItem> items) {
        associations.add(List.copyOf(items));
        return associationAnswer.apply(items);
    }

    @Override
    public Set<String> existingIds(String entitySet, Collection<String> ids) {
        existenceChecks.add(List.copyOf(ids));
        Set<String> existing = new HashSet<>(ids);
        existing.retainAll(existingRows);
        return existing;
    }
}
