"""The rule codes of vaultgraph's contract: every code the README's rules table lists, minus the
extensions the README names (VG003, VG007, VG308, VG504). A code is added or retired on purpose, never by accident."""

RULE_CODES = frozenset(
    """
    VG001 VG002
    VG101 VG102 VG103 VG104 VG105 VG106
    VG201 VG202 VG203 VG204 VG205 VG206
    VG301 VG302 VG303 VG304 VG305 VG306 VG307
    VG401 VG402 VG403
    VG501 VG502 VG503
    """.split()
)
EXTENSION_CODES = frozenset({"VG003", "VG007", "VG308", "VG504"})
