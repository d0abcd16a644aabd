package dev.ferry.emulator.query;

import dev.ferry.emulator.store.LookupValue;
import dev.ferry.emulator.store.Row;
import java.util.Comparator;

/** The compiled forms of a {@code $filter}'s parts; each evaluates to a {@link RowFilter} truth value. */
final class FilterNodes {
    private FilterNodes() {
    }

    /** The six comparison operators, named as ODataLib names them in messages. */
    enum Op {
        EQ("eq", "Equal"), NE("ne", "NotEqual"), GT("gt", "GreaterThan"), GE("ge", "GreaterThanOrEqual"),
        LT("lt", "LessThan"), LE("le", "LessThanOrEqual");

        final String word;
        final String kindName;

        Op(String word, String kindName) {
            this.word = word;
            this.kindName = kindName;
        }

        static Op of(String word) {
            for (Op op : values()) {
                if (op.word.equals(word)) {
                    return op;
                }
            }
            return null;
        }

        boolean test(int comparison) {
            return switch (this) {
                case EQ -> comparison == 0;
                case NE -> comparison != 0;
                case GT -> comparison > 0;
                case GE -> comparison >= 0;
                case LT -> comparison < 0;
                case LE -> comparison <= 0;
            };
        }

        /** The operator with its operands swapped: {@code 5 lt x} is {@code x gt 5}. */
        Op mirrored() {
            return switch (this) {
                case GT -> LT;
                case GE -> LE;
                case LT -> GT;
                case LE -> GE;
                default -> this;
            };
        }
    }

    static int truth(boolean b) {
        return b ? RowFilter.TRUE : RowFilter.FALSE;
    }

    static RowFilter constant(boolean value) {
        int t = truth(value);
        return row -> t;
    }

    static RowFilter and(RowFilter a, RowFilter b) {
        return row -> {
            int x = a.eval(row);
            if (x == RowFilter.FALSE) {
                return RowFilter.FALSE;
            }
            int y = b.eval(row);
            if (y == RowFilter.FALSE) {
                return RowFilter.FALSE;
            }
            return x == RowFilter.TRUE && y == RowFilter.TRUE ? RowFilter.TRUE : RowFilter.UNKNOWN;
        };
    }

    static RowFilter or(RowFilter a, RowFilter b) {
        return row -> {
            int x = a.eval(row);
            if (x == RowFilter.TRUE) {
                return RowFilter.TRUE;
            }
            int y = b.eval(row);
            if (y == RowFilter.TRUE) {
                return RowFilter.TRUE;
            }
            return x == RowFilter.FALSE && y == RowFilter.FALSE ? RowFilter.FALSE : RowFilter.UNKNOWN;
        };
    }

    static RowFilter not(RowFilter a) {
        return row -> {
            int x = a.eval(row);
            return x == RowFilter.UNKNOWN ? RowFilter.UNKNOWN : (x == RowFilter.TRUE ? RowFilter.FALSE : RowFilter.TRUE);
        };
    }

    /** {@code property op null}: eq and ne test for an empty column; ordering against null is unknown. */
    static RowFilter compareWithNull(int slot, Op op) {
        return switch (op) {
            case EQ -> row -> truth(row.get(slot) == null);
            case NE -> row -> truth(row.get(slot) != null);
            default -> row -> RowFilter.UNKNOWN;
        };
    }

    /** {@code property op literal} with a non-null literal in stored form (a UUID for lookups). */
    static RowFilter compareWithValue(int slot, Op op, Object literal, Comparator<Object> order) {
        return row -> {
            Object v = row.get(slot);
            if (v == null) {
                return RowFilter.UNKNOWN;
            }
            return truth(op.test(order.compare(v, literal)));
        };
    }

    /** {@code property op property} (Dataverse's column comparison). */
    static RowFilter compareColumns(int left, Op op, int right, Comparator<Object> order) {
        return row -> {
            Object a = row.get(left);
            Object b = row.get(right);
            if (a == null || b == null) {
                return RowFilter.UNKNOWN;
            }
            return truth(op.test(order.compare(normalize(a), normalize(b))));
        };
    }

    /** contains, startswith, endswith: case-insensitive like Dataverse's collation. */
    enum StringFunction {
        CONTAINS("contains"), STARTSWITH("startswith"), ENDSWITH("endswith");

        final String word;

        StringFunction(String word) {
            this.word = word;
        }

        static StringFunction of(String word) {
            for (StringFunction f : values()) {
                if (f.word.equals(word)) {
                    return f;
                }
            }
            return null;
        }

        boolean test(String value, String needle) {
            int n = needle.length();
            return switch (this) {
                case STARTSWITH -> value.regionMatches(true, 0, needle, 0, n);
                case ENDSWITH -> value.length() >= n && value.regionMatches(true, value.length() - n, needle, 0, n);
                case CONTAINS -> {
                    int last = value.length() - n;
                    for (int i = 0; i <= last; i++) {
                        if (value.regionMatches(true, i, needle, 0, n)) {
                            yield true;
                        }
                    }
                    yield false;
                }
            };
        }
    }

    static RowFilter stringFunction(int slot, StringFunction f, String needle) {
        if (needle == null) {
            return row -> RowFilter.UNKNOWN;
        }
        return row -> {
            Object v = row.get(slot);
            return v == null ? RowFilter.UNKNOWN : truth(f.test((String) v, needle));
        };
    }

    private static Object normalize(Object value) {
        return value instanceof LookupValue lookup ? lookup.id() : value;
    }
}
