"""Read a page as its reader does: the text of its elements, not its markup.

Tests assert what a person sees (a heading's words, a table's figures, a link's
text and target), so a change of class names or attribute order breaks nothing
that matters, and a page that lost its words fails.
"""

from html.parser import HTMLParser

VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}


class Element:
    def __init__(self, tag, attrs, parent=None):
        self.tag, self.attrs, self.parent = tag, dict(attrs), parent
        self.children = []  # Elements and strings, in order

    @property
    def text(self):
        """The element's text as read: whitespace collapsed."""
        parts = []
        for child in self.children:
            parts.append(child if isinstance(child, str) else child.text)
        return " ".join(" ".join(parts).split())

    def find_all(self, tag, **attrs):
        """Descendants named `tag` whose attributes hold `attrs` (class: one of)."""
        found = []
        for child in self.children:
            if isinstance(child, Element):
                if child.tag == tag and child.matches(attrs):
                    found.append(child)
                found += child.find_all(tag, **attrs)
        return found

    def find(self, tag, **attrs):
        found = self.find_all(tag, **attrs)
        assert found, f"no <{tag}> with {attrs}"
        return found[0]

    def matches(self, attrs):
        for name, value in attrs.items():
            name = name.rstrip("_")  # class_ for class
            if name == "class":
                if value not in (self.attrs.get("class") or "").split():
                    return False
            elif self.attrs.get(name) != value:
                return False
        return True


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.current = Element("document", {})

    def handle_starttag(self, tag, attrs):
        element = Element(tag, attrs, self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        if self.current.tag not in {"script", "style"}:
            self.current.children.append(data)


def page(html):
    """The parsed page (of a str, bytes or a test client's response)."""
    if hasattr(html, "content"):
        html = html.content
    if isinstance(html, bytes):
        html = html.decode()
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root


def heading(html, level=1):
    """The text of the page's first <h1> (or other level)."""
    return page(html).find(f"h{level}").text


def definitions(element):
    """{term: description} of the <dt>/<dd> pairs in `element`."""
    terms = [dt.text for dt in element.find_all("dt")]
    return dict(zip(terms, [dd.text for dd in element.find_all("dd")], strict=True))


def table_rows(element):
    """The rows of the <tbody>s in `element`, as lists of cell texts."""
    rows = []
    for body in element.find_all("tbody"):
        for row in body.find_all("tr"):
            rows.append(
                [cell.text for cell in row.children if isinstance(cell, Element)]
            )
    return rows
