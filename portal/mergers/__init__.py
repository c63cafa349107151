"""Unit mergers (sáp nhập, since 01/07/2025): history, merging, redirects, imports.

- Unit history: `UnitSuccession` rows say which units a unit was formed from
  (date, whole or part); `UnitArchive` marks a unit archived (read-only). Both
  directions are read, cached with the unit's footer, by `portal.unit_history`.
- Merging: `services.merge_units()` (manage.py merge_units, and the superusers'
  admin page) runs the movers each content app registers in `portal.merging`,
  in one transaction; a dry run is the same run rolled back.
- Redirects: `Redirect` rows per unit (old path → a path on this or another
  unit), looked up only when a page is not found (middleware.py), written only
  through `redirects.add_redirect()` (chains collapsed, loops refused).
- Imports from old portals: the safe fetching of feeds and images
  (`fetching.py`) and the bookkeeping (`importing.py`) the importers share.
"""
