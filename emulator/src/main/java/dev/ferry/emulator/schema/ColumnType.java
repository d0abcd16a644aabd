package dev.ferry.emulator.schema;

/** Dataverse attribute types the emulator stores, with the EDM type each is published as. */
public enum ColumnType {
    STRING("String", "Edm.String"),
    MEMO("Memo", "Edm.String"),
    INTEGER("Integer", "Edm.Int32"),
    BIGINT("BigInt", "Edm.Int64"),
    DECIMAL("Decimal", "Edm.Decimal"),
    MONEY("Money", "Edm.Decimal"),
    DOUBLE("Double", "Edm.Double"),
    BOOLEAN("Boolean", "Edm.Boolean"),
    DATETIME("DateTime", "Edm.DateTimeOffset"),
    DATEONLY("DateTime", "Edm.Date"),
    UNIQUEIDENTIFIER("Uniqueidentifier", "Edm.Guid"),
    PICKLIST("Picklist", "Edm.Int32"),
    STATE("State", "Edm.Int32"),
    STATUS("Status", "Edm.Int32"),
    MULTISELECTPICKLIST("Virtual", "Edm.String"),
    /** A lookup to exactly one table. */
    LOOKUP("Lookup", "Edm.Guid"),
    /** Dataverse's polymorphic customer lookup (account or contact). */
    CUSTOMER("Customer", "Edm.Guid"),
    /** Dataverse's owner lookup (systemuser or team). */
    OWNER("Owner", "Edm.Guid");

    private final String attributeType;
    private final String edmType;

    ColumnType(String attributeType, String edmType) {
        this.attributeType = attributeType;
        this.edmType = edmType;
    }

    /** The AttributeType name Dataverse reports in attribute metadata. */
    public String attributeType() {
        return attributeType;
    }

    /** The EDM primitive type the column (or its {@code _x_value} property) has in CSDL. */
    public String edmType() {
        return edmType;
    }

    public boolean isLookup() {
        return this == LOOKUP || this == CUSTOMER || this == OWNER;
    }

    public boolean isOptionSet() {
        return this == PICKLIST || this == STATE || this == STATUS || this == MULTISELECTPICKLIST;
    }
}
