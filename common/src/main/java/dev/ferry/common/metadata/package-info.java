/**
 * What Ferry needs to know about an OData service, read from its {@code $metadata} (CSDL):
 * entity sets, keys, properties, lookups, many-to-many associations and alternate keys.
 */
package dev.ferry.common.metadata;
