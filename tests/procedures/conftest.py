from tests.documents.conftest import two_sites  # noqa: F401
