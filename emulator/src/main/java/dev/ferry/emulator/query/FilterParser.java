package dev.ferry.emulator.query;

import dev.ferry.emulator.http.DataverseException;
import dev.ferry.emulator.http.WebApi;
import dev.ferry.emulator.json.ValueCodec;
import dev.ferry.emulator.query.FilterNodes.Op;
import dev.ferry.emulator.query.FilterNodes.StringFunction;
import dev.ferry.emulator.query.FilterToken.Kind;
import dev.ferry.emulator.schema.Column;
import dev.ferry.emulator.schema.ColumnType;
import dev.ferry.emulator.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a {@code $filter} expression by recursive descent (OData precedence: or, and, comparison,
 * not, primary) and compiles it once into a {@link RowFilter} over stored values. Supports what
 * Dataverse supports of OData's standard syntax: eq ne gt ge lt le, and or not, parentheses, null,
 * string/number/boolean/date/date-time/guid literals, parameter aliases, contains/startswith/
 * endswith, lookups by {@code _x_value} and column-to-column comparisons. Errors carry ODataLib's
 * messages, which Dataverse passes through.
 */
public final class FilterParser {
    static final String DATAVERSE_FUNCTION_PREFIX = "Microsoft.Dynamics.CRM.";
    /** OData's standard functions that Dataverse refuses in $filter. */
    private static final Set<String> UNSUPPORTED_FUNCTIONS = Set.of("tolower", "toupper", "trim", "length", "indexof",
            "substring", "concat", "year", "month", "day", "hour", "minute", "second", "fractionalseconds", "date",
            "time", "now", "totaloffsetminutes", "totalseconds", "maxdatetime", "mindatetime", "round", "floor",
            "ceiling", "cast", "isof", "matchespattern", "geo.distance", "geo.intersects", "geo.length");
    private static final Set<String> UNSUPPORTED_OPERATORS = Set.of("add", "sub", "mul", "div", "divby", "mod", "has", "in");

    private final Table table;
    private final String text;
    private final List<FilterToken> tokens;
    private int index;

    private FilterParser(Table table, String text, Map<String, String> aliases) {
        this.table = table;
        this.text = text;
        this.tokens = FilterLexer.tokenize(text, aliases);
    }

    /**
     * Compiles {@code $filter} for rows of {@code table}; {@code query} supplies parameter alias values
     * ({@code @p1}). Throws Dataverse's 400 for an expression it cannot read, 501 for Dataverse
     * syntax the emulator lacks (query functions, filters across navigation properties).
     */
    public static RowFilter compile(Table table, String filter, Map<String, String> query) {
        if (filter == null || filter.isBlank()) {
            throw QueryErrors.badRequest("The $filter query option is empty: give an expression such as"
                    + " $filter=statecode eq 0.");
        }
        FilterParser parser = new FilterParser(table, filter, query);
        Operand result = parser.parseOr();
        if (!parser.peek().is(Kind.END)) {
            throw parser.syntaxError(parser.peek());
        }
        return parser.asFilter(result, 0);
    }

    /** What an expression part stands for before it is compiled into a filter. */
    private sealed interface Operand permits PropertyOperand, LiteralOperand, BooleanOperand {
    }

    private record PropertyOperand(Column column, int slot, int position) implements Operand {
    }

    private record LiteralOperand(FilterToken token) implements Operand {
    }

    private record BooleanOperand(RowFilter filter, int position) implements Operand {
    }

    private Operand parseOr() {
        Operand left = parseAnd();
        while (peek().isWord("or")) {
            FilterToken op = next();
            Operand right = parseAnd();
            left = new BooleanOperand(FilterNodes.or(asFilter(left, op.position()), asFilter(right, op.position())),
                    op.position());
        }
        return left;
    }

    private Operand parseAnd() {
        Operand left = parseComparison();
        while (peek().isWord("and")) {
            FilterToken op = next();
            Operand right = parseComparison();
            left = new BooleanOperand(FilterNodes.and(asFilter(left, op.position()), asFilter(right, op.position())),
                    op.position());
        }
        return left;
    }

    private Operand parseComparison() {
        Operand left = parseUnary();
        while (true) {
            FilterToken t = peek();
            if (t.is(Kind.IDENTIFIER) && Op.of(t.text()) != null) {
                next();
                Operand right = parseUnary();
                left = new BooleanOperand(compare(left, Op.of(t.text()), right, t), t.position());
            } else if (t.is(Kind.IDENTIFIER) && UNSUPPORTED_OPERATORS.contains(t.text())) {
                throw QueryErrors.badRequest("The operator '" + t.text() + "' at position " + t.position() + " in '"
                        + text + "' is not supported: Dataverse's $filter has eq, ne, gt, ge, lt, le, and, or, not.");
            } else {
                return left;
            }
        }
    }

    private Operand parseUnary() {
        FilterToken t = peek();
        if (t.isWord("not")) {
            next();
            Operand operand = parseUnary();
            if (operand instanceof PropertyOperand p && p.column().type() != ColumnType.BOOLEAN
                    || operand instanceof LiteralOperand l && !l.token().is(Kind.BOOLEAN)) {
                throw QueryErrors.badRequest("A unary operator with an incompatible type was detected. Found operand type '"
                        + typeOf(operand) + "' for operator kind 'Not'.");
            }
            return new BooleanOperand(FilterNodes.not(asFilter(operand, t.position())), t.position());
        }
        return parsePrimary();
    }

    private Operand parsePrimary() {
        FilterToken t = next();
        switch (t.kind()) {
            case OPEN -> {
                Operand inner = parseOr();
                expect(Kind.CLOSE, "')'");
                return inner;
            }
            case IDENTIFIER -> {
                if (peek().is(Kind.OPEN)) {
                    return function(t);
                }
                if (peek().is(Kind.SLASH)) {
                    throw WebApi.notImplemented("filtering on related rows (the path '" + t.text()
                            + "/...' in $filter); filter on the lookup's _x_value property instead");
                }
                return property(t);
            }
            default -> {
                if (t.kind().isLiteral()) {
                    return new LiteralOperand(t);
                }
                throw syntaxError(t);
            }
        }
    }

    private Operand property(FilterToken t) {
        Column column = table.columnByProperty(t.text()).orElseThrow(() -> QueryErrors.unknownProperty(table, t.text()));
        return new PropertyOperand(column, table.indexOf(column), t.position());
    }

    private Operand function(FilterToken name) {
        String fn = name.text();
        if (fn.startsWith(DATAVERSE_FUNCTION_PREFIX)) {
            throw WebApi.notImplemented("the query function " + fn + " in $filter");
        }
        StringFunction stringFunction = StringFunction.of(fn);
        if (stringFunction == null) {
            if (UNSUPPORTED_FUNCTIONS.contains(fn)) {
                throw QueryErrors.badRequest("The '" + fn + "' function is not supported: Dataverse's $filter supports"
                        + " the functions contains, startswith and endswith.");
            }
            throw QueryErrors.badRequest("An unknown function with name '" + fn + "' was found. This may also be a"
                    + " function import or a key lookup on a navigation property, which is not allowed.");
        }
        expect(Kind.OPEN, "'('");
        List<Operand> args = new ArrayList<>();
        if (!peek().is(Kind.CLOSE)) {
            args.add(parseOr());
            while (peek().is(Kind.COMMA)) {
                next();
                args.add(parseOr());
            }
        }
        expect(Kind.CLOSE, "')'");
        if (args.size() == 2 && args.get(0) instanceof PropertyOperand p && isText(p.column())
                && args.get(1) instanceof LiteralOperand l && (l.token().is(Kind.STRING) || l.token().is(Kind.NULL))) {
            String needle = l.token().is(Kind.NULL) ? null : l.token().text();
            return new BooleanOperand(FilterNodes.stringFunction(p.slot(), stringFunction, needle), name.position());
        }
        throw QueryErrors.badRequest("No function signature for the function with name '" + fn + "' matches the"
                + " specified arguments. The function signatures considered are: " + fn
                + "(Edm.String Nullable=true, Edm.String Nullable=true).");
    }

    private RowFilter compare(Operand left, Op op, Operand right, FilterToken at) {
        if (left instanceof LiteralOperand && right instanceof PropertyOperand) {
            return compare(right, op.mirrored(), left, at);
        }
        if (left instanceof PropertyOperand p && right instanceof LiteralOperand l) {
            return compareWithLiteral(p, op, l.token());
        }
        if (left instanceof PropertyOperand a && right instanceof PropertyOperand b) {
            if (!a.column().type().edmType().equals(b.column().type().edmType())) {
                throw incompatible(typeOf(a), typeOf(b), op);
            }
            return FilterNodes.compareColumns(a.slot(), op, b.slot(), ValueOrder.of(a.column()));
        }
        if (left instanceof BooleanOperand b && right instanceof LiteralOperand l && l.token().is(Kind.BOOLEAN)
                && (op == Op.EQ || op == Op.NE)) {
            boolean wanted = Boolean.parseBoolean(l.token().text()) == (op == Op.EQ);
            return wanted ? b.filter() : FilterNodes.not(b.filter());
        }
        if (left instanceof LiteralOperand a && right instanceof LiteralOperand b) {
            throw QueryErrors.badRequest("The comparison at position " + at.position() + " in '" + text
                    + "' compares two literals: Dataverse needs a property on one side (found " + a.token().text()
                    + " " + op.word + " " + b.token().text() + ").");
        }
        throw incompatible(typeOf(left), typeOf(right), op);
    }

    private RowFilter compareWithLiteral(PropertyOperand p, Op op, FilterToken literal) {
        Column column = p.column();
        if (literal.is(Kind.NULL)) {
            return FilterNodes.compareWithNull(p.slot(), op);
        }
        if (!compatible(column, literal)) {
            throw incompatible(column.type().edmType(), literal.edmType(), op);
        }
        Object value = ValueCodec.fromLiteral(table, column, literalText(literal), literal.is(Kind.STRING));
        return FilterNodes.compareWithValue(p.slot(), op, value, ValueOrder.of(column));
    }

    /** Which literal kinds ODataLib accepts against a column's EDM type. */
    private static boolean compatible(Column column, FilterToken literal) {
        return switch (column.type()) {
            case STRING, MEMO, MULTISELECTPICKLIST -> literal.is(Kind.STRING);
            case INTEGER, PICKLIST, STATE, STATUS, BIGINT, DECIMAL, MONEY, DOUBLE -> literal.is(Kind.NUMBER);
            case BOOLEAN -> literal.is(Kind.BOOLEAN);
            case DATETIME -> literal.is(Kind.DATETIME) || literal.is(Kind.DATE);
            case DATEONLY -> literal.is(Kind.DATE);
            case UNIQUEIDENTIFIER, LOOKUP, CUSTOMER, OWNER -> literal.is(Kind.GUID);
        };
    }

    /** The literal as {@code ValueCodec.fromLiteral} reads it: numbers without their type suffix. */
    private static String literalText(FilterToken literal) {
        String s = literal.text();
        if (literal.is(Kind.NUMBER)) {
            char last = Character.toUpperCase(s.charAt(s.length() - 1));
            if (last == 'M' || last == 'D' || last == 'F' || last == 'L') {
                s = s.substring(0, s.length() - 1);
            }
            if (s.startsWith("+")) {
                s = s.substring(1);
            }
        }
        return s;
    }

    private static boolean isText(Column column) {
        return column.type() == ColumnType.STRING || column.type() == ColumnType.MEMO
                || column.type() == ColumnType.MULTISELECTPICKLIST;
    }

    private RowFilter asFilter(Operand operand, int position) {
        if (operand instanceof BooleanOperand b) {
            return b.filter();
        }
        if (operand instanceof PropertyOperand p && p.column().type() == ColumnType.BOOLEAN) {
            return FilterNodes.compareWithValue(p.slot(), Op.EQ, Boolean.TRUE, ValueOrder.of(p.column()));
        }
        if (operand instanceof LiteralOperand l && l.token().is(Kind.BOOLEAN)) {
            return FilterNodes.constant(Boolean.parseBoolean(l.token().text()));
        }
        throw QueryErrors.badRequest("The $filter expression must evaluate to a single boolean value (at position "
                + position + " in '" + text + "').");
    }

    private static String typeOf(Operand operand) {
        if (operand instanceof PropertyOperand p) {
            return p.column().type().edmType();
        }
        if (operand instanceof LiteralOperand l) {
            return l.token().edmType();
        }
        return "Edm.Boolean";
    }

    private static DataverseException incompatible(String left, String right, Op op) {
        return QueryErrors.badRequest("A binary operator with incompatible types was detected. Found operand types '"
                + left + "' and '" + right + "' for operator kind '" + op.kindName + "'.");
    }

    private FilterToken peek() {
        return tokens.get(index);
    }

    private FilterToken next() {
        FilterToken t = tokens.get(index);
        if (!t.is(Kind.END)) {
            index++;
        }
        return t;
    }

    private void expect(Kind kind, String what) {
        FilterToken t = next();
        if (!t.is(kind)) {
            throw QueryErrors.badRequest("Syntax error at position " + t.position() + " in '" + text + "': expected "
                    + what + (t.is(Kind.END) ? " before the end." : " but found '" + t.text() + "'."));
        }
    }

    private DataverseException syntaxError(FilterToken t) {
        if (t.is(Kind.END)) {
            return QueryErrors.badRequest("Syntax error: the expression '" + text + "' ends unexpectedly at position "
                    + t.position() + ".");
        }
        return QueryErrors.badRequest("Syntax error at position " + t.position() + " in '" + text + "'.");
    }
}
