from wenan.cli import main

main()
