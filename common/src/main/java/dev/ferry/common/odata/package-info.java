/**
 * The OData client: reads pages and metadata from, and upserts records into, the configured
 * environments (Dataverse or any OData v4 service).
 *
 * <h2>Use from a service</h2>
 * <pre>{@code
 * @Inject ODataClients clients;                       // RestODataClients, @ApplicationScoped
 *
 * ODataClient source = clients.client("source");     // UnknownEnvironmentException names the configured ones
 * Page page = source.firstPage(new PageQuery("accounts", List.of("name"), null, 5000, true));
 * while (!page.isLast()) { page = source.nextPage(page.nextLink(), query); }
 *
 * BatchOutcome outcome = clients.client("target").upsert("accounts", items);   // UpsertMultiple / $batch / PATCH
 * BatchOutcome updated = clients.client("target").update("accounts", items);   // UpdateMultiple / $batch / PATCH,
 *                                                      // If-Match: *: a missing row is refused (404), not created
 * }</pre>
 * Calls block (call them from worker threads, never from a Vert.x event loop), are thread-safe,
 * retry retriable failures (429 after its Retry-After, 408, 5xx but 501, no answer) through
 * SmallRye Fault Tolerance within {@code ferry.odata.retry.*}, and then throw the last
 * {@link dev.ferry.common.odata.ODataException} ({@code retriable() == true}); fatal answers (other
 * 4xx) throw at once, or, for writes, come back per item in the {@link dev.ferry.common.odata.BatchOutcome}.
 *
 * <h2>Configuration</h2>
 * <ul>
 * <li>{@code ferry.environments.<name>.url} (required per environment; a final {@code /} is added),
 * {@code .auth} ({@code none} default, {@code bearer}; {@code client-secret} and
 * {@code client-certificate} are refused as not supported yet), {@code .token} (for bearer),
 * {@code .tenant-id}, {@code .client-id}, {@code .client-secret}, {@code .certificate-path},
 * {@code .authority} (default {@code https://login.microsoftonline.com/}), {@code .scope}
 * (default {@code <url origin>/.default}): {@link dev.ferry.common.odata.FerryEnvironmentsConfig}.</li>
 * <li>{@code ferry.odata.request-timeout} (60s), {@code ferry.odata.connect-timeout} (10s),
 * {@code ferry.odata.retry.max-retries} (8), {@code .max-duration} (5m), {@code .initial-backoff}
 * (500ms), {@code .max-backoff} (60s), {@code .jitter} (0.2), {@code ferry.odata.metadata.cache-ttl}
 * (1h): {@link dev.ferry.common.odata.ODataClientConfig}.</li>
 * </ul>
 *
 * <h2>Metrics</h2>
 * {@code ferry.odata.requests} (counter: environment, operation = metadata|read|upsert-multiple|update-multiple|batch|single,
 * status = HTTP status or {@code io-error}), {@code ferry.odata.request.duration} (timer: environment,
 * operation), {@code ferry.odata.throttled} (counter: environment; 429s, including parts of a
 * {@code $batch}). Every HTTP attempt counts, retries included.
 */
package dev.ferry.common.odata;
