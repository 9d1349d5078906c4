//! Python's concurrency model, run for real: the GIL, executors, threading primitives and traces.
