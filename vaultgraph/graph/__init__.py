"""The knowledge graph: built from the notes and their concepts, annotated, cut and exported."""
