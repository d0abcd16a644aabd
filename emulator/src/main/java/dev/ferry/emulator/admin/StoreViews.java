package dev.ferry.emulator.admin;

import dev.ferry.emulator.RequestCounters;
import dev.ferry.emulator.schema.ManyToMany;
import dev.ferry.emulator.schema.Table;
import dev.ferry.emulator.store.Store;
import dev.ferry.emulator.store.WriteLog;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON bodies of the admin endpoints that report state: row counts, write log, counters. */
final class StoreViews {

    private StoreViews() {
    }

    /** {@code {"schema":"crm","tables":{"account":10,...},"associations":{"accountleads_association":3}}} */
    static Map<String, Object> tables(Store store) {
        Map<String, Object> tables = new LinkedHashMap<>();
        for (Table t : store.schema().tables()) {
            tables.put(t.logicalName(), store.table(t.logicalName()).size());
        }
        Map<String, Object> associations = new LinkedHashMap<>();
        for (ManyToMany m : store.schema().manyToMany()) {
            associations.put(m.schemaName(), store.associations(m.schemaName()).size());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schema", store.schema().name());
        body.put("tables", tables);
        body.put("associations", associations);
        return body;
    }

    /** {@code {"tables":{"account":{"first":"…","last":"…","rows":10,"lastCreate":"…","creates":10}}}}, tables by name. */
    static Map<String, Object> writes(Store store) {
        Map<String, Object> tables = new LinkedHashMap<>();
        for (Map.Entry<String, WriteLog.TableWrites> e : store.writeLog().snapshot().entrySet()) {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("first", e.getValue().first().toString());
            w.put("last", e.getValue().last().toString());
            w.put("rows", e.getValue().rows());
            w.put("lastCreate", e.getValue().lastCreate() == null ? null : e.getValue().lastCreate().toString());
            w.put("creates", e.getValue().creates());
            tables.put(e.getKey(), w);
        }
        return Map.of("tables", tables);
    }

    static Map<String, Object> counters(RequestCounters counters) {
        Map<String, Object> byStatus = new LinkedHashMap<>();
        counters.byStatus().forEach((status, n) -> byStatus.put(Integer.toString(status), n));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requests", counters.requests());
        body.put("throttled", counters.throttled());
        body.put("failures", counters.failures());
        body.put("connectionResets", counters.connectionResets());
        body.put("recordsWritten", counters.recordsWritten());
        body.put("byStatus", byStatus);
        return body;
    }
}
