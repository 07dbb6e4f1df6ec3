"""vaultgraph: lint a vault of Markdown notes and turn it into a knowledge graph."""

__version__ = "0.1.0"
