"""The editors' and site team's tools around the build: `onestop new` (scaffold.py), `codeowners`,
`report`, `diff`, and the repository's own settings (settings.py, onestop.yml)."""
