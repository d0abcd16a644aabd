/** Code that two or more Ferry services share: plan, metadata, OData client and Kafka contracts. */
package dev.ferry.common;
