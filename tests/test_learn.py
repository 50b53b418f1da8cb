"""The learned layer (marsad.learn): features, model files, the shipped models on our own Arabic sentences,
retraining on a small slice of Keep it Local, and the quad in extract and in the store."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from conftest import EVAL
from marsad.ingest.readers import make_document
from marsad.learn.features import N_TEXT, Featurizer
from marsad.learn.kil import QUAD_LABELS, KilError, read
from marsad.learn.model import LinearModel, ModelError, sha256
from marsad.learn.stage import MODEL_FILES, QuadStage, group, model_dir
from marsad.pipeline import Pipeline

KIL = EVAL / "kil"
need_kil = pytest.mark.skipif(not (KIL / "ar_binary_train.tsv").is_file(), reason="../shared/eval/kil is absent")


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline.default("events")


def test_features_are_stable_and_grouped():
    s = "أدان الوزير الهجوم على السفارة"
    a, b = Featurizer(), Featurizer()
    assert a.text(s) == b.text(s) == a.text(s)  # crc32, not hash(): the same in every process and call
    words = Featurizer(groups=("words",)).text(s)
    assert len(words) == 5 + 4  # five unigrams and four bigrams
    chars = Featurizer(groups=("chars",)).text("سلام")
    assert len(chars) == 5 + 4 + 3 + 2  # 2..5-grams of " سلام "
    assert max(a.text(s)) < N_TEXT and min(a.marsad(["ev:ASSAULT"])) >= N_TEXT
    assert Featurizer(groups=("words", "chars")).marsad(["ev:ASSAULT"]) == []
    # normalisation: hamza and taa marbuta variants hash alike
    assert Featurizer().text("إدانة") == Featurizer().text("ادانه")


def test_bad_model_file_is_named(tmp_path):
    bad = tmp_path / "quad.npz"
    bad.write_bytes(b"not a model")
    with pytest.raises(ModelError, match="quad.npz"):
        LinearModel.load(bad)
    m = LinearModel(["a", "b"], np.zeros((10, 1), np.float32), np.zeros(1, np.float32), ("words",), 1.0)
    m.save(bad)
    with pytest.raises(ModelError, match="shape"):
        LinearModel.load(bad)


def test_bad_kil_row_is_named(tmp_path):
    (tmp_path / "ar_quadclass_train.tsv").write_text("ar\tQuadClass\nجملة\t1\nجملة أخرى\t9\n", encoding="utf-8")
    with pytest.raises(KilError, match=r"ar_quadclass_train.tsv:3"):
        read("quad", tmp_path)
    with pytest.raises(KilError, match="not found"):
        read("relevance", tmp_path)


def test_shipped_models_and_cards():
    for f in MODEL_FILES.values():
        path = model_dir() / f
        card = path.with_suffix(".md").read_text(encoding="utf-8")
        assert sha256(path) in card, f"{path.name}: the model card's sha256 is stale"
        assert "MIT" in card and "macro-F1" in card or "F1 of relevant" in card
        assert path.stat().st_size < 5_000_000


# Our own sentences in the register of the training data (UN documents); each label is unambiguous.
OWN = [
    ("تدين اللجنة بشدة الهجمات التي تشنها الجماعات المسلحة على المدنيين وتطالب بوقفها فورا.", "verbal_conflict"),
    ("وأعربت الدول الأعضاء عن قلقها البالغ إزاء انتهاكات حقوق الإنسان وانتقدت رفض الحكومة التعاون.",
     "verbal_conflict"),
    ("قامت القوات المسلحة بقصف القرى واعتقال عشرات المدنيين وتدمير منازلهم.", "material_conflict"),
    ("وقتل عدد من أفراد قوة حفظ السلام في هجوم بالأسلحة النارية على قافلتهم.", "material_conflict"),
    ("رحب المجلس بالاتفاق الذي توصل إليه الطرفان وأشاد بجهود الوساطة التي بذلها الأمين العام.",
     "verbal_cooperation"),
    ("وأعرب الوفد عن تأييده الكامل لمبادرة السلام ودعا إلى تعزيز الحوار بين البلدين.", "verbal_cooperation"),
    ("قدمت الحكومة مساعدات غذائية وطبية إلى اللاجئين وأرسلت فرقا للإغاثة إلى المناطق المتضررة.",
     "material_cooperation"),
    ("وقد أفرجت السلطات عن المعتقلين السياسيين وسحبت قواتها من المنطقة الحدودية تنفيذا للاتفاق.",
     "material_cooperation"),
    ("يتضمن المرفق الثاني لهذا التقرير جدولا بالميزانية المقترحة لفترة السنتين.", "irrelevant"),
    ("وتعقد الدورة المقبلة للجنة في جنيف في الأسبوع الأول من شهر أيار/مايو.", "irrelevant"),
]


def test_shipped_models_on_own_sentences(pipe):
    got = []
    for text, _ in OWN:
        p = pipe(make_document(text, "own", ""))
        assert set(p.quads) == {s.idx for s in p.content_sentences()}
        label, prob = p.quads[p.content_sentences()[0].idx]
        assert label in QUAD_LABELS and 0.0 <= prob <= 1.0
        got.append(label)
    right = sum(g == want for g, (_, want) in zip(got, OWN, strict=True))
    assert right >= 7, list(zip(got, [w for _, w in OWN], strict=True))
    relevant_right = sum((g == "irrelevant") == (w == "irrelevant") for g, (_, w) in zip(got, OWN, strict=True))
    assert relevant_right >= 9


def test_models_load_lazily(tmp_path, pipe):
    stage = QuadStage(pipe.stages[2].coder, directory=tmp_path)  # an empty folder: nothing is read yet
    p = Pipeline(pipe.stages[:3])(make_document("رحبت مصر بالاتفاق.", "x", ""))
    with pytest.raises(ModelError, match=str(tmp_path)):
        stage(p)  # the first sentence loads, and a missing file is named


@need_kil
@pytest.mark.slow
def test_retrain_small_slice_end_to_end(tmp_path, pipe):
    from marsad.learn.train import train

    written = train(KIL, tmp_path, limit=300)
    assert set(written) == {"quad", "relevance"}
    for path in written.values():
        assert sha256(path) in path.with_suffix(".md").read_text(encoding="utf-8")
    stage = QuadStage(pipe.stages[2].coder, directory=tmp_path)
    doc = make_document("دانت فرنسا القصف. وأرسلت ألمانيا مساعدات إلى السودان.", "x", "")
    p = stage(Pipeline(pipe.stages[:3])(doc))
    assert len(p.quads) == 2 and all(lab in QUAD_LABELS and 0 <= pr <= 1 for lab, pr in p.quads.values())
    again = train(KIL, tmp_path / "again", limit=300)  # fixed seeds: the same bytes
    assert all(sha256(again[k]) == sha256(written[k]) for k in written)


def test_extract_adds_quad_per_record_and_sentences():
    src = "\n".join(json.dumps(x, ensure_ascii=False) for x in [
        {"id": "one", "text": "تدين اللجنة بشدة الهجمات على المدنيين."},
        {"id": "two", "text": "رحب المجلس بالاتفاق بين الطرفين. وتعقد الدورة المقبلة في جنيف."},
    ]) + "\n"
    r = subprocess.run([sys.executable, "-m", "marsad", "extract"], input=src, capture_output=True, text=True,
                       check=True)
    one, two = (json.loads(x) for x in r.stdout.splitlines())
    assert one["quad"]["label"] in QUAD_LABELS and 0 <= one["quad"]["p"] <= 1 and "sentences" not in one["quad"]
    assert [s["idx"] for s in two["quad"]["sentences"]] == [0, 1]
    labels = [s["label"] for s in two["quad"]["sentences"]]
    if any(lab != "irrelevant" for lab in labels):  # the record takes its most probable relevant sentence
        assert two["quad"]["label"] != "irrelevant"


def test_store_keeps_quad_per_sentence(tmp_path, pipe):
    from marsad.ingest.run import ingest
    from marsad.store.db import Store

    f = tmp_path / "a.txt"
    f.write_text("بيان\nتدين اللجنة بشدة الهجمات على المدنيين. وقدمت الحكومة مساعدات غذائية إلى اللاجئين.\n",
                 encoding="utf-8")
    with Store.open(str(tmp_path / "m.db")) as store:
        ingest([f], store, pipe)
        rows = store.rows("SELECT kind, quad, quad_p FROM sentences ORDER BY idx")
    content = [r for r in rows if r["kind"] in ("title", "body")]
    assert content and all(r["quad"] in QUAD_LABELS and 0 <= r["quad_p"] <= 1 for r in content)


def test_fast_scoring_equals_the_features_times_weights(pipe):
    """The stage sums cached per-word weight vectors; it must give what the training representation gives."""
    stage = pipe.stages[3]
    for text, _ in OWN[:4]:
        p = Pipeline(pipe.stages[:3])(make_document(text, "x", ""))
        s = p.content_sentences()[0]
        stage.label(p, s)  # loads the models
        fast = stage._margins(p, s, group(p))
        idx = stage._features(p, [s.idx], s.text)
        slow = np.concatenate([stage._models[k].scores(idx) - stage._models[k].bias for k in ("quad", "relevance")])
        assert np.allclose(fast, slow, atol=2e-3), (fast, slow)
