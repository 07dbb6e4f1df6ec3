"""The node and edge kinds of the knowledge graph (see `graph/build.py`).

Kept apart from the builder so the command line can offer `--kind` choices without importing
networkx at start-up.
"""

NODE_KINDS = ("concept", "note", "tag", "week", "missing")
EDGE_KINDS = ("link", "embed", "mentions", "co-occurs", "tagged", "in-week", "next-week")
