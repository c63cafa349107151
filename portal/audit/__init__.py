"""The audit log: who did what, when, in which unit (Law 148/2025 Art. 8 §6).

Entries are append-only rows written by the services that change things
(workflow transitions, moderation, settings, users and roles) and by the login
signals — never by a signal on every save(), which would log noise and miss
intent. Nobody edits or deletes them from the admin; `manage.py audit_trim`
removes entries past the retention period (at least two years).
"""
