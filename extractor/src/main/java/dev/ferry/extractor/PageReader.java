package dev.ferry.extractor;

import dev.ferry.common.odata.ODataClient;
import dev.ferry.common.odata.Page;
import dev.ferry.common.odata.PageQuery;
import java.time.Duration;

/**
 * Pages one query through the source: the first page, then each {@code @odata.nextLink} until
 * the last page; timed and counted per run and table.
 */
public final class PageReader {

    private final ODataClient client;
    private final PageQuery query;
    private final ExtractionMetrics metrics;
    private final String runId;
    private final String table;

    public PageReader(ODataClient client, PageQuery query, ExtractionMetrics metrics, String runId, String table) {
        this.client = client;
        this.query = query;
        this.metrics = metrics;
        this.runId = runId;
        this.table = table;
    }

    /** The first page of the query. */
    public Page first() {
        long start = System.nanoTime();
        Page page = client.firstPage(query);
        metrics.pageRead(runId, table, Duration.ofNanos(System.nanoTime() - start));
        return page;
    }

    /** The page behind a next link (of an earlier page, or of a checkpoint). */
    public Page next(String nextLink) {
        long start = System.nanoTime();
        Page page = client.nextPage(nextLink, query);
        metrics.pageRead(runId, table, Duration.ofNanos(System.nanoTime() - start));
        return page;
    }
}
