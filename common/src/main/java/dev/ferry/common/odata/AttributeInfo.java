package dev.ferry.common.odata;

/**
 * Dataverse's write rules for one attribute.
 *
 * @param logicalName     the attribute's logical name
 * @param attributeType   Dataverse's AttributeType (String, Lookup, Customer, Owner, ...)
 * @param validForCreate  whether a create may set it
 * @param validForUpdate  whether an update may set it
 * @param requiredLevel   None, SystemRequired, ApplicationRequired or Recommended
 */
public record AttributeInfo(String logicalName, String attributeType, boolean validForCreate, boolean validForUpdate,
                            String requiredLevel) {
}
