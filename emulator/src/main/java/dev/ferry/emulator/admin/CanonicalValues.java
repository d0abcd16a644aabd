package dev.ferry.emulator.admin;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ferry.emulator.json.ValueCodec;
import dev.ferry.emulator.schema.Column;
import dev.ferry.emulator.store.LookupValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One form per value, whatever way it was written, so that two environments holding the same
 * data export the same text: decimals without trailing zeros, date-times in UTC to the second,
 * guids in lower case, lookups as {@code "<table>:<id>"}, option sets as numbers,
 * multi-select option sets as {@code "1,3"} in value order.
 */
final class CanonicalValues {

    private CanonicalValues() {
    }

    static void write(JsonGenerator g, Column column, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
            return;
        }
        switch (column.type()) {
            case STRING, MEMO, MULTISELECTPICKLIST -> g.writeString((String) value);
            case INTEGER, PICKLIST, STATE, STATUS -> g.writeNumber((Integer) value);
            case BIGINT -> g.writeNumber((Long) value);
            case DECIMAL, MONEY -> g.writeNumber(((BigDecimal) value).stripTrailingZeros().toPlainString());
            case DOUBLE -> g.writeNumber((Double) value);
            case BOOLEAN -> g.writeBoolean((Boolean) value);
            case DATETIME -> g.writeString(ValueCodec.DATE_TIME.format((Instant) value));
            case DATEONLY, UNIQUEIDENTIFIER -> g.writeString(value.toString());
            case LOOKUP, CUSTOMER, OWNER -> {
                LookupValue lookup = (LookupValue) value;
                g.writeString(lookup.table() + ":" + lookup.id());
            }
        }
    }
}
