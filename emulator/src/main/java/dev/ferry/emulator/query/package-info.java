/**
 * Reads of the emulated Web API: GET on entity sets, rows, properties and navigation properties.
 *
 * <p>Behaviour, as Dataverse documents or answers it:
 * <ul>
 *   <li>{@code $select} (unknown property: 400 "Could not find a property named 'x' on type
 *       'Microsoft.Dynamics.CRM.account'."), the primary id always included; {@code $filter}
 *       compiled once per request by {@link dev.ferry.emulator.query.FilterParser} and evaluated with
 *       SQL's three-valued logic (a comparison with an empty column is unknown, so
 *       {@code name ne 'x'} leaves out rows whose name is null), strings compared without regard
 *       to case; {@code $orderby} with nulls first ascending and ties broken by id;
 *       {@code $top} over the whole result, across pages; single-valued {@code $expand}.</li>
 *   <li>{@code $count=true} counts matching rows up to 5,000 and stops there, as Dataverse does:
 *       above that it answers 5,000 and, when asked with {@code odata.include-annotations},
 *       {@code @Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded: true}. {@code /$count} is
 *       capped the same way.</li>
 *   <li>{@code $skip}: 400 "The query parameter $skip is not supported" (Dataverse pages only
 *       with {@code $skiptoken}).</li>
 *   <li>Paging: {@code Prefer: odata.maxpagesize=N} (at most the emulator's maximum, 5,000 by
 *       default; larger values are ignored, as Dataverse ignores them), answered with
 *       {@code Preference-Applied}. {@code @odata.nextLink} is absolute and repeats the request's
 *       options with a {@code $skiptoken} shaped like Dataverse's paging cookie, carrying the last
 *       row's sort values and id: keyset paging, so rows inserted or deleted between pages are
 *       neither skipped nor repeated.</li>
 *   <li>Answered 501: Dataverse query functions ({@code Microsoft.Dynamics.CRM.*}), filters
 *       across navigation properties and lambda operators, {@code $expand} of collection-valued
 *       navigation properties or with {@code /$ref}, {@code $apply}, {@code $search}, and a
 *       related row addressed by key below a navigation property.</li>
 * </ul>
 */
package dev.ferry.emulator.query;
