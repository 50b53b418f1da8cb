"""The data-file cache behind start-up (data/yamlfile.py): the same objects as parsing, a changed file parsed
again, an unreadable or unwritable cache never an error."""

from __future__ import annotations

import os
import pickle
import stat
from pathlib import Path

import pytest

from marsad.data import yamlfile

TEXT = """# أطراف اجتماع
- code: RUS
  names: [روسيا, موسكو]
  since: 2024-06-19
- code: PRK
  names: [كوريا الشمالية, بيونغ يانغ]
"""


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("MARSAD_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_second_load_comes_from_the_cache_and_equals_parsing(cache):
    first = yamlfile.safe_load(TEXT)
    assert first == yamlfile.parse(TEXT)
    files = list(cache.iterdir())
    assert len(files) == 1
    # the cached objects are what is returned now: prove it by planting different (valid) ones under the key
    files[0].write_bytes(pickle.dumps([{"code": "X"}]))
    assert yamlfile.safe_load(TEXT) == [{"code": "X"}]
    changed = TEXT.replace("RUS", "BLR")
    assert yamlfile.safe_load(changed)[0]["code"] == "BLR"  # another text, another key: parsed again
    assert len(list(cache.iterdir())) == 2


def test_a_broken_cache_file_is_parsed_again(cache):
    yamlfile.safe_load(TEXT)
    (f,) = cache.iterdir()
    f.write_bytes(b"\x80\x05not a pickle")
    assert yamlfile.safe_load(TEXT) == yamlfile.parse(TEXT)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_cache_folder_is_no_error(cache):
    cache.mkdir()
    cache.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        assert yamlfile.safe_load(TEXT) == yamlfile.parse(TEXT)
        assert list(cache.iterdir()) == []
    finally:
        cache.chmod(stat.S_IRWXU)


def test_a_cache_that_is_a_file_is_no_error(cache):
    cache.write_text("not a folder")
    assert yamlfile.safe_load(TEXT) == yamlfile.parse(TEXT)


def test_the_bundled_data_files_load_the_same_from_the_cache(cache):
    folder = Path(yamlfile.__file__).parent
    files = sorted(folder.rglob("*.yaml"))
    assert len(files) > 10
    for f in files:
        text = f.read_text(encoding="utf-8")
        parsed = yamlfile.parse(text)
        assert yamlfile.safe_load(text) == parsed  # parsed and stored
        assert yamlfile.safe_load(text) == parsed, f  # read back
    assert len(list(cache.iterdir())) == len({f.read_text(encoding="utf-8") for f in files})
