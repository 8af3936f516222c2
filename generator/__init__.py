"""onestop: agency YAML in, cross-linked citizen-centric site out.

The pipeline, a module (or package) a stage, typed frozen data between them:

    load (load.py) -> validate (validate/) -> link (graph.py) -> render (views/, render.py)
    -> write (page_writers.py, output.py)

`pipeline.check` runs the first three; `build.SiteBuild` is one build of the site for whichever
site engine drives it. Only `engines/` imports a site engine (MkDocs today).
"""
