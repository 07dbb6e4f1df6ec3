"""vaultgraph: lint a vault of Markdown notes and turn it into a knowledge graph.

    import vaultgraph
    vaultgraph.lint("notes").diagnostics    # what `vaultgraph lint notes` reports
    vaultgraph.concepts("notes")            # the concepts, most salient first
    vaultgraph.graph("notes")               # the knowledge graph (networkx.MultiDiGraph)

See `vaultgraph.api` for the options and `vaultgraph.api.Workspace` for the steps one by one.
"""

__version__ = "0.1.0"

# The subpackages `lint`, `concepts` and `graph` share their names with the API's functions. Python
# binds a subpackage to its parent's attribute when it is first imported, so they are imported
# first (each is a light package: its modules load on use) and the functions bound after them.
import vaultgraph.concepts
import vaultgraph.graph
import vaultgraph.lint  # noqa: F401
from vaultgraph.api import LintOptions, Workspace, concepts, graph, lint
from vaultgraph.errors import VaultgraphError

__all__ = ["LintOptions", "VaultgraphError", "Workspace", "__version__", "concepts", "graph", "lint"]
