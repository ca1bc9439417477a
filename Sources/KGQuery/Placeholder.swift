/// Placeholder while the engine is written.
enum KGQueryPlaceholder {}
