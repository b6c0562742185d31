"""The made-up regency of Tests/Fixtures/areas for the Python suites: its regions loaded with
`hubctl areas import`, and complaints placed in a desa by setting their area codes directly, where a
test needs a case in a desa whatever its point."""

from pathlib import Path

FIXTURE = Path(__file__).resolve().parents[1] / "Fixtures" / "areas" / "kabupaten-contoh.geojson"

SUKAMAJU_KECAMATAN, TANJUNGSARI_KECAMATAN = "99.01.01", "99.01.02"
SUKAMAJU, MEKARSARI, CIBODAS, PASIRJAYA = "99.01.01.2001", "99.01.01.1002", "99.01.02.2001", "99.01.02.2002"
# A point inside each desa (the fixture's README).
POINTS = {SUKAMAJU: (-6.55, 106.72), MEKARSARI: (-6.55, 106.78), CIBODAS: (-6.55, 106.82), PASIRJAYA: (-6.55, 106.88)}


def load(hub):
    """Loads the regency's kecamatan and desa with their boundaries, as an operator does."""
    hub.hubctl("areas", "import", str(FIXTURE))


def place(hub, tracking_code, desa):
    """Puts a complaint (by its tracking code) in a desa of the regency, and so in its kecamatan."""
    assert all(ch.isalnum() for ch in tracking_code) and desa in POINTS
    hub.sql(f"update complaints set kelurahan_code = '{desa}', kecamatan_code = '{desa[:8]}' "
            f"where tracking_code = '{tracking_code}'")


def request_id(hub, tracking_code):
    """The public request id of a complaint, read where only the hub reads it."""
    assert all(ch.isalnum() for ch in tracking_code)
    return int(hub.sql(f"select id from complaints where tracking_code = '{tracking_code}'"))


def started_hub(prefix):
    """A hub of the built executables (HUB_BIN_DIR) with the regency loaded, as a context manager;
    the calling test is skipped when HUB_BIN_DIR is not set."""
    from pyhub import Hub, built_executables  # noqa: PLC0415 (pyhub imports this module's package)

    return Hub(built_executables(), setup=load, prefix=prefix)
