"""`tt lsp`, tt's language server (máy chủ ngôn ngữ): the editor shows what `tt validate` says.

    analysis.py  an editor's buffer through the one pipeline (loader → schema → lint rules), pure
    worker.py    the process the checks run in (never the editor's event loop), abandoned when stale
    server.py    pygls over stdio: documents, debounce, one run at a time, publish
    features.py  hover, completion, quick fixes, formatting — from the library's own functions
    where.py     where the cursor is in a plan being typed (keys, list items, values), from the lines
    convert.py   problems → diagnostics: ranges in the client's units, severity, rule page links

Only `tt lsp` imports this package (and pygls); every other command starts without it.
"""
