from documents.imports import DocumentImporter
from portal.csv_import import ImportCommand


class Command(ImportCommand):
    help = (
        "Import documents from an old portal's CSV (Vietnamese headers, dates "
        "dd/mm/yyyy). A dry run unless --apply."
    )
    importer = DocumentImporter
