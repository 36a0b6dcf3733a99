import pytest

from marsad.config import DEFAULT_CONFIG, Options, load_options
from marsad.errors import MarsadError


def test_default_config_file_equals_the_defaults(tmp_path):
    p = tmp_path / "c.toml"
    p.write_text(DEFAULT_CONFIG, encoding="utf-8")
    assert load_options(p) == Options()


def test_overrides_and_unknown_keys(tmp_path):
    p = tmp_path / "c.toml"
    p.write_text('min_confidence = 0.4\nmy_key = 1\nextra = 2\n', encoding="utf-8")
    o = load_options(p, db="x.db")
    assert o.min_confidence == 0.4 and o.db == "x.db" and o.extra == {"my_key": 1, "extra": 2}


@pytest.mark.parametrize("line", ['min_confidence = "x"', 'stages = "normalize"', "use_embeddings = 1",
                                  "background_days = 2.5"])
def test_wrong_types_are_config_errors_naming_the_key(tmp_path, line):
    p = tmp_path / "c.toml"
    p.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(MarsadError) as exc:
        load_options(p)
    assert exc.value.code == "E_CONFIG" and line.split()[0] in str(exc.value) and str(p) in str(exc.value)


def test_unreadable_config_is_an_error(tmp_path):
    with pytest.raises(MarsadError, match="cannot read config"):
        load_options(tmp_path / "missing.toml")


def test_nan_and_inf_are_not_numbers_for_thresholds(tmp_path):
    """TOML reads `nan` and `inf` as floats; a gate threshold of nan would never close."""
    from marsad.config import load_options
    from marsad.errors import MarsadError
    for bad in ("nan", "inf"):
        p = tmp_path / f"{bad}.toml"
        p.write_text(f"min_violence = {bad}\n", encoding="utf-8")
        with pytest.raises(MarsadError) as e:
            load_options(p)
        assert e.value.code == "E_CONFIG" and "min_violence" in str(e.value)
