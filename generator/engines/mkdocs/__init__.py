"""The MkDocs (and Material for MkDocs) adapter: the plugin (plugin.py) that drives a
`build.SiteBuild` from MkDocs' hooks, and `onestop build`'s way of running MkDocs (run.py)."""
