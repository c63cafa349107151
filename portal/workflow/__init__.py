"""Review before publication, for every kind of content (articles, documents, pages…).

A content model inherits `WorkflowModel`. Its row holds the LIVE copy: what
citizens see when `live` is true (and the publication date has come and the
expiry date has not). Every save by staff also writes a `Revision`: the
content as JSON, who and when. While an object is live, staff edits go into
revisions only (the working copy) and the row changes when an approver
publishes — so citizens never see half-finished edits. `status` is the state of
the working copy:

    draft ──submit──> review ──approve──> published
      ^                 │
      └─request changes─┘         unpublish: live off, back to draft
                                  archive:   live off, archived

so (live, status) says everything: live + published = nothing pending;
live + draft/review = live, with changes pending. A future publication date
means scheduled: `published()` compares it with the clock, no cron involved.

Every transition is one service in portal/workflow/services.py: it checks the
permission (the user's role in the object's unit, portal/roles.py), changes the
state, writes the revision and the audit entry and sends the `transitioned`
signal, in one transaction; notifications.py mails on commit.

A content app's admin reuses portal/workflow/admin.py (`WorkflowAdmin`: the
change form on the working copy, the buttons, the concurrent-edit refusal,
revisions, diff, restore, preview, bulk actions), and its models appear in
"Việc của tôi" on the admin's first page (dashboard.py) by being registered.
"""
