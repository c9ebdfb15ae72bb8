package org.hotcog.core.internal.jobs;

/** A kind of job as one module names it: the unit a handler claims. */
record ModuleKind(String module, String kind) {
    @Override
    public String toString() {
        return module + "/" + kind;
    }
}
