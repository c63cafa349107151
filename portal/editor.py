"""The rich-text editor staff write in: CKEditor 5 (django-ckeditor-5), in Vietnamese.

django-ckeditor-5 loads the editor and its community Vietnamese translation
through its widget's Media; a few labels there are wrong or missing ("Redo" is
"Tiếp tục", the editing area is read out as "Vùng chỉnh sửa: main"). Our
corrections (static/js/ckeditor-vi.js) must run after that translation and
before the editors are created on DOMContentLoaded, so they are appended to the
widget's own Media once, here, for every rich-text field of every app.
"""

CORRECTIONS = "js/ckeditor-vi.js"


def load_vietnamese_corrections():
    from django_ckeditor_5.widgets import CKEditor5Widget

    if CORRECTIONS not in CKEditor5Widget.Media.js:
        CKEditor5Widget.Media.js = [*CKEditor5Widget.Media.js, CORRECTIONS]
