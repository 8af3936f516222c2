"""onestop: agency YAML in, cross-linked citizen-centric site out.

The pipeline, one module a stage:

    load (load.py) -> validate (validate.py) -> link (graph.py) -> render (render.py) -> write (write.py)

`pipeline.py` runs the first three stages; nothing in this package imports mkdocs except
`mkdocs_plugin.py` and `mkdocs_build.py`, the adapters to the current site engine.
"""
