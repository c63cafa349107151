from portal.csv_import import ImportCommand
from procedures.imports import ProcedureImporter


class Command(ImportCommand):
    help = "Import administrative procedures from CSV. A dry run unless --apply."
    importer = ProcedureImporter
