package dev.ferry.emulator.schema;

import static dev.ferry.emulator.schema.RequiredLevel.ApplicationRequired;
import static dev.ferry.emulator.schema.RequiredLevel.None;
import static dev.ferry.emulator.schema.RequiredLevel.SystemRequired;

import java.util.Map;

/**
 * The built-in {@code crm} schema: Dataverse's real names and types for the common columns of
 * systemuser, team, account, contact, lead and opportunity, their lookups (including the
 * account self-reference, the account/contact cycle and the polymorphic customer and owner
 * lookups) and the N:N {@code accountleads_association}. Columns prefixed {@code ferry_} are
 * custom columns added so that every column type is present.
 */
public final class CrmSchema {
    public static final String NAME = "crm";

    private CrmSchema() {
    }

    public static Schema build() {
        SchemaBuilder b = new SchemaBuilder(NAME);

        b.table("systemuser", "systemusers")
                .computedPrimaryName("fullname", 200)
                .string("firstname", 64)
                .string("lastname", 64, ApplicationRequired)
                .string("internalemailaddress", 100)
                .string("domainname", 1024, SystemRequired)
                .guid("azureactivedirectoryobjectid")
                .string("title", 128)
                .string("mobilephone", 64)
                .bool("isdisabled")
                .lookup("parentsystemuserid", "systemuser", "user_parent_user", None)
                .alternateKey("domainname_key", "domainname");

        b.table("team", "teams")
                .primaryName("name", 160, SystemRequired)
                .memo("description", 2000)
                .picklist("teamtype", Map.of(0, "Owner", 1, "Access", 2, "Security Group", 3, "Office Group"))
                .guid("azureactivedirectoryobjectid")
                .string("emailaddress", 100)
                .lookup("administratorid", "systemuser", "lk_teambase_administratorid", SystemRequired);

        b.table("account", "accounts")
                .primaryName("name", 160, ApplicationRequired)
                .string("accountnumber", 20)
                .money("revenue")
                .money("creditlimit")
                .bool("creditonhold")
                .integer("numberofemployees")
                .string("telephone1", 50)
                .string("emailaddress1", 100)
                .string("websiteurl", 200)
                .string("address1_line1", 250)
                .string("address1_city", 80)
                .string("address1_postalcode", 20)
                .string("address1_country", 80)
                .doubleColumn("address1_latitude", 5)
                .doubleColumn("address1_longitude", 5)
                .memo("description", 2000)
                .picklist("industrycode", Map.of(1, "Accounting", 2, "Agriculture and Non-petrol Natural Resource Extraction",
                        3, "Broadcasting Printing and Publishing", 4, "Brokers", 5, "Building Supply Retail",
                        6, "Business Services", 7, "Consulting"))
                .picklist("accountcategorycode", Map.of(1, "Preferred Customer", 2, "Standard"))
                .dateTime("lastusedincampaign")
                .readOnly("exchangerate", ColumnType.DECIMAL)
                .stateAndStatus(Map.of(0, "Active", 1, "Inactive"), Map.of(1, "Active", 2, "Inactive"))
                .lookup("parentaccountid", "account", "account_parent_account", None)
                .lookup("primarycontactid", "contact", "account_primary_contact", None)
                .userOwned()
                .alternateKey("accountnumber_key", "accountnumber");

        b.table("contact", "contacts")
                .computedPrimaryName("fullname", 160)
                .string("firstname", 50)
                .string("lastname", 50, ApplicationRequired)
                .string("emailaddress1", 100)
                .string("telephone1", 50)
                .string("mobilephone", 50)
                .string("jobtitle", 100)
                .dateOnly("birthdate")
                .picklist("gendercode", Map.of(1, "Male", 2, "Female"))
                .string("address1_city", 80)
                .memo("description", 2000)
                .bool("donotemail")
                .money("annualincome")
                .integer("numberofchildren")
                .multiSelect("ferry_interests", Map.of(100000000, "Sports", 100000001, "Music", 100000002, "Travel",
                        100000003, "Reading", 100000004, "Cooking"))
                .stateAndStatus(Map.of(0, "Active", 1, "Inactive"), Map.of(1, "Active", 2, "Inactive"))
                .customer("parentcustomerid", orderedMap("account", "contact_customer_accounts",
                        "contact", "contact_customer_contacts"), None)
                .userOwned();

        b.table("lead", "leads")
                .primaryName("subject", 300, ApplicationRequired)
                .string("firstname", 50)
                .string("lastname", 50)
                .string("companyname", 100)
                .string("emailaddress1", 100)
                .string("telephone1", 50)
                .money("revenue")
                .money("estimatedamount")
                .integer("numberofemployees")
                .picklist("leadqualitycode", Map.of(1, "Hot", 2, "Warm", 3, "Cold"))
                .picklist("leadsourcecode", Map.of(1, "Advertisement", 2, "Employee Referral", 3, "External Referral",
                        4, "Partner", 5, "Public Relations", 6, "Seminar", 7, "Trade Show", 8, "Web", 9, "Word of Mouth",
                        10, "Other"))
                .memo("description", 2000)
                .stateAndStatus(Map.of(0, "Open", 1, "Qualified", 2, "Disqualified"),
                        Map.of(1, "New", 2, "Contacted", 3, "Qualified", 4, "Lost", 5, "Cannot Contact",
                                6, "No Longer Interested", 7, "Canceled"))
                .lookup("parentaccountid", "account", "lead_parent_account", None)
                .lookup("parentcontactid", "contact", "lead_parent_contact", None)
                .customer("customerid", orderedMap("account", "lead_customer_accounts",
                        "contact", "lead_customer_contacts"), None)
                .userOwned();

        b.table("opportunity", "opportunities")
                .primaryName("name", 300, ApplicationRequired)
                .money("estimatedvalue")
                .dateOnly("estimatedclosedate")
                .integer("closeprobability")
                .decimal("discountpercentage", 2)
                .memo("description", 2000)
                .picklist("opportunityratingcode", Map.of(1, "Hot", 2, "Warm", 3, "Cold"))
                .stateAndStatus(Map.of(0, "Open", 1, "Won", 2, "Lost"),
                        Map.of(1, "In Progress", 2, "On Hold", 3, "Won", 4, "Canceled", 5, "Out-Sold"))
                .customer("customerid", orderedMap("account", "opportunity_customer_accounts",
                        "contact", "opportunity_customer_contacts"), None)
                .lookup("parentaccountid", "account", "opportunity_parent_account", None)
                .lookup("parentcontactid", "contact", "opportunity_parent_contact", None)
                .lookup("originatingleadid", "lead", "opportunity_originating_lead", None)
                .userOwned();

        b.manyToMany("accountleads_association", "account", "lead", "accountleads", "accountleadid");
        return b.build();
    }

    private static Map<String, String> orderedMap(String k1, String v1, String k2, String v2) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }
}
