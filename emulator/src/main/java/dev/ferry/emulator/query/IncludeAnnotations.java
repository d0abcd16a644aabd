package dev.ferry.emulator.query;

import dev.ferry.emulator.http.ApiRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The instance annotations a client asked for with {@code Prefer: odata.include-annotations="..."}:
 * {@code *}, exact terms, namespace wildcards such as {@code Microsoft.Dynamics.CRM.*}, and
 * exclusions prefixed with {@code -} (OData 4.0 protocol, 8.2.8.4).
 */
public final class IncludeAnnotations {
    public static final String PREFERENCE = "odata.include-annotations";
    public static final String FORMATTED_VALUE = "OData.Community.Display.V1.FormattedValue";
    public static final String LOOKUP_LOGICAL_NAME = "Microsoft.Dynamics.CRM.lookuplogicalname";
    public static final String ASSOCIATED_NAVIGATION_PROPERTY = "Microsoft.Dynamics.CRM.associatednavigationproperty";
    public static final String TOTAL_RECORD_COUNT = "Microsoft.Dynamics.CRM.totalrecordcount";
    public static final String TOTAL_RECORD_COUNT_LIMIT_EXCEEDED = "Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded";

    /** No annotations: what a request without the preference gets. */
    public static final IncludeAnnotations NONE = new IncludeAnnotations(null, List.of(), List.of());

    private final String preferenceValue;
    private final List<String> included;
    private final List<String> excluded;
    private final boolean formattedValue;
    private final boolean lookupLogicalName;
    private final boolean associatedNavigationProperty;

    private IncludeAnnotations(String preferenceValue, List<String> included, List<String> excluded) {
        this.preferenceValue = preferenceValue;
        this.included = included;
        this.excluded = excluded;
        this.formattedValue = matches(FORMATTED_VALUE);
        this.lookupLogicalName = matches(LOOKUP_LOGICAL_NAME);
        this.associatedNavigationProperty = matches(ASSOCIATED_NAVIGATION_PROPERTY);
    }

    /** Parses the preference value (without quotes), e.g. {@code *} or {@code A.B.*,-A.B.c}. */
    public static IncludeAnnotations parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (String part : value.split(",")) {
            String p = part.trim();
            if (p.startsWith("-")) {
                out.add(p.substring(1).trim());
            } else if (!p.isEmpty()) {
                in.add(p);
            }
        }
        return new IncludeAnnotations(value.trim(), List.copyOf(in), List.copyOf(out));
    }

    /** The annotations the request's {@code Prefer} header asks for. */
    public static IncludeAnnotations of(ApiRequest request) {
        return request.preference(PREFERENCE).map(IncludeAnnotations::parse).orElse(NONE);
    }

    /** Whether the annotation term (e.g. {@code OData.Community.Display.V1.FormattedValue}) is to be written. */
    public boolean matches(String term) {
        for (String pattern : excluded) {
            if (patternMatches(pattern, term)) {
                return false;
            }
        }
        for (String pattern : included) {
            if (patternMatches(pattern, term)) {
                return true;
            }
        }
        return false;
    }

    public boolean formattedValue() {
        return formattedValue;
    }

    public boolean lookupLogicalName() {
        return lookupLogicalName;
    }

    public boolean associatedNavigationProperty() {
        return associatedNavigationProperty;
    }

    public boolean any() {
        return !included.isEmpty();
    }

    /** The {@code Preference-Applied} entry echoing the preference, or empty when none was asked for. */
    public Optional<String> applied() {
        return preferenceValue == null ? Optional.empty()
                : Optional.of(PREFERENCE + "=\"" + preferenceValue + "\"");
    }

    private static boolean patternMatches(String pattern, String term) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.endsWith(".*")) {
            return term.regionMatches(true, 0, pattern, 0, pattern.length() - 1);
        }
        return pattern.equalsIgnoreCase(term);
    }
}
