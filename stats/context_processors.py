def counter(request):
    """Placeholder: the visitor counter block (issue 4)."""
    return {}
