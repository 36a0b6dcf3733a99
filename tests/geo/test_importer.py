"""`marsad geonames import`: GeoNames dumps into SQLite, then used by Geocoder(db_path)."""
from __future__ import annotations

from marsad.geo.geocode import Geocoder
from marsad.geo.importer import main

# two hand-made rows in GeoNames' 19-column layout (one fictitious town), plus a malformed line
PLACES = (
    "169866\tḨārim\tHarim\tHarem,Harim,حارم\t36.21176\t36.52078\tP\tPPLA2\tSY\t\t12\t1234\t\t\t21934\t\t170\tAsia/Damascus\t2020-01-01\n"
    "990001\tTell Mithal\tTell Mithal\tTal Mithal\t35.37\t36.60\tP\tPPL\tSY\t\t10\t555\t\t\t3000\t\t300\tAsia/Damascus\t2020-01-01\n"
    "not a geonames line\n"
)


def _write(tmp_path):
    (tmp_path / "SY.txt").write_text(PLACES, encoding="utf-8")
    (tmp_path / "admin1CodesASCII.txt").write_text("SY.12\tIdlib\tIdlib\t169388\nSY.10\tHama\tHama\t170016\n", encoding="utf-8")
    (tmp_path / "admin2Codes.txt").write_text("SY.12.1234\tHarim District\tHarim District\t1\nSY.10.555\tMithal District\tMithal District\t2\n", encoding="utf-8")
    (tmp_path / "alternateNamesV2.txt").write_text("1\t990001\tar\tتل المثال\t1\t\t\t\t\t\n2\t990001\tru\tТелль\t\t\t\t\t\t\n", encoding="utf-8")


def test_import_then_geocode_with_admin2(tmp_path, capsys):
    _write(tmp_path)
    db = tmp_path / "marsad.db"
    # alternate names first on the command line: the importer still reads places first
    rc = main([str(tmp_path / n) for n in ("alternateNamesV2.txt", "SY.txt", "admin1CodesASCII.txt", "admin2Codes.txt")] + ["--db", str(db)])
    assert rc == 0
    out = capsys.readouterr().out
    assert "2 places" in out and "1 lines skipped" in out
    g = Geocoder(db_path=db)
    text = "قصف على بلدة تل المثال بريف حماة"
    i = text.index("تل المثال")
    loc = g.geocode(text, i, i + len("تل المثال"))
    assert (loc.name, loc.admin1, loc.admin2, loc.geonameid, loc.name_ar) == ("Tell Mithal", "Hama", "Mithal District", 990001, "تل المثال")
    loc = g.geocode("في حارم", 3, 7)
    assert loc.admin2 == "Harim District" and loc.geonameid == 169866


def test_missing_file_is_an_error_with_code(tmp_path, capsys):
    rc = main([str(tmp_path / "SY.txt"), "--db", str(tmp_path / "x.db")])
    assert rc == 2
    assert "GEO001" in capsys.readouterr().err


def test_zip_input(tmp_path):
    import zipfile
    _write(tmp_path)
    z = tmp_path / "SY.zip"
    with zipfile.ZipFile(z, "w") as f:
        f.write(tmp_path / "SY.txt", "SY.txt")
    db = tmp_path / "z.db"
    assert main([str(z), "--db", str(db)]) == 0
    assert Geocoder(db_path=db).lookup("Tell Mithal")[0].geonameid == 990001


def test_geocoder_with_a_missing_database_says_how_to_make_one(tmp_path):
    import pytest
    from marsad.geo.importer import GeoNamesError
    with pytest.raises(GeoNamesError) as ei:
        Geocoder(db_path=tmp_path / "none.db")
    assert ei.value.code == "GEO002" and "geonames import" in ei.value.hint
