"""The linter: rule modules, the engine that runs them, suppressions and fixes."""
