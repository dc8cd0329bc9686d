"""CPython shell around the engine: loading data, validation, CLI, site build helpers."""
