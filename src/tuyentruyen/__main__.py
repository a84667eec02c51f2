from tuyentruyen.cli.app import main

main()
