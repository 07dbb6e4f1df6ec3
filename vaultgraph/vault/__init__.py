"""Finding, reading and indexing the files of a vault."""
