package io.waymark.platform;

/** The persistence contract on the embedded default: H2 in MySQL mode. */
class H2PersistenceTests extends PersistenceContractTests {
}
