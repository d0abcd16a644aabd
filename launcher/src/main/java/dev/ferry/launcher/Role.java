package dev.ferry.launcher;

/** What a process of the stack is; it decides the order of starting (this order) and stopping (the reverse). */
enum Role {
    BROKER,
    EMULATOR,
    SERVICE;

    /** The role of a pid file's process, by the name {@link StackDefinition} gives it. */
    static Role ofName(String name) {
        if (name.equals(StackDefinition.BROKER)) {
            return BROKER;
        }
        if (name.startsWith(StackDefinition.EMULATOR_PREFIX)) {
            return EMULATOR;
        }
        return SERVICE;
    }
}
