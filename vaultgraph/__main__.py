from vaultgraph.cli import main

main()
