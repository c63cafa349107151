"""The organisation page's data: the chart as a tree, read in two queries."""

from dataclasses import dataclass, field

from organisation.models import Department, Official


@dataclass
class Label:
    """A name in the page's language, or in Vietnamese (marked so) when untranslated."""

    text: str
    lang: str  # "" when it is in the page's language


def label(vietnamese, english, in_english):
    if not in_english:
        return Label(vietnamese, "")
    return Label(english, "") if english else Label(vietnamese, "vi")


@dataclass
class Person:
    official: Official
    position: Label
    department: Label


@dataclass
class Node:
    department: Department
    name: Label
    duties: Label
    depth: int
    people: list = field(default_factory=list)
    children: list = field(default_factory=list)

    @property
    def heading_level(self):
        """h3 for the top of the chart (the page has h1 and the section h2)."""
        return min(3 + self.depth, 6)


@dataclass
class Chart:
    roots: list
    contacts: list  # spokespersons first, then contact officers

    @property
    def is_empty(self):
        return not self.roots


def build_chart(site, *, in_english=False):
    departments = list(Department.objects.for_site(site))
    officials = list(Official.objects.for_site(site).for_page())
    nodes = {}
    for department in departments:
        nodes[department.pk] = Node(
            department=department,
            name=label(department.name, department.name_en, in_english),
            duties=label(department.duties, department.duties_en, in_english),
            depth=0,
        )
    roots = []
    for department in departments:
        parent = nodes.get(department.parent_id)
        (parent.children if parent else roots).append(nodes[department.pk])
    _set_depth(roots, 0)
    contacts = []
    for official in officials:
        node = nodes[official.department_id]
        person = Person(
            official=official,
            position=label(
                official.position.name, official.position.name_en, in_english
            ),
            department=node.name,
        )
        node.people.append(person)
        if official.is_spokesperson or official.is_contact_officer:
            contacts.append(person)
    contacts.sort(key=lambda person: not person.official.is_spokesperson)
    return Chart(roots=roots, contacts=contacts)


def _set_depth(nodes, depth):
    for node in nodes:
        node.depth = depth
        _set_depth(node.children, depth + 1)
