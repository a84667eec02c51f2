"""The `tt` command line: thin typer commands that wire the pipeline to the reporters."""
