"""Adapters to site engines. Only this package imports a site engine; the core hands each engine
the same engine-neutral `build.SiteBuild`."""
