package dev.ferry.common.plan;

/** JSON pointers into a plan, for {@link PlanProblem#location()}. */
final class Locations {

    static final String ROOT = "";
    static final String NAME = "/name";
    static final String SOURCE = "/source";
    static final String TARGET = "/target";
    static final String TABLES = "/tables";
    static final String OPTIONS = "/options";

    private Locations() {
    }

    static String table(int index) {
        return TABLES + "/" + index;
    }

    static String entitySet(int tableIndex) {
        return table(tableIndex) + "/entitySet";
    }

    static String key(int tableIndex) {
        return table(tableIndex) + "/key";
    }

    static String selectEntry(int tableIndex, int columnIndex) {
        return table(tableIndex) + "/select/" + columnIndex;
    }

    static String lookupRule(int tableIndex, String lookup) {
        return table(tableIndex) + "/lookups/" + UnknownFieldFinder.escape(lookup);
    }

    static String option(String option) {
        return OPTIONS + "/" + option;
    }
}
