/**
 * What Ferry's services say to each other through Kafka: topic names and the JSON messages on
 * them (DESIGN.md, "Topics"). Every contract type lives here, so that producer and consumer
 * cannot disagree.
 */
package dev.ferry.common.contract;
