"""The fifth round's fast paths give what the plain computations give, on Arabic written for these tests:
trigger matching (one set intersection per token, matching from the second slot on), the sentence's kept
normalised text, the quad stage's padded marsad sum, the batch's near-duplicate look-up by band key, worker
results put back together with their documents, and the ingest's SQLite settings."""

from __future__ import annotations

import numpy as np
import pytest

from marsad.events.lexicon import ANY, SENTENCE_STOPS, TriggerMatch, load_lexicon
from marsad.ingest.readers import make_document
from marsad.ingest.workers import Done, Runner
from marsad.learn.stage import QuadStage
from marsad.pipeline import Pipeline
from marsad.records import Sentence
from marsad.store.db import Store, sentence_rows
from marsad.store.dedup import NearDuplicates, band_keys, signature, to_bytes
from marsad.text.normalize import normalize_space
from marsad.text.tokens import forms

SENTENCES = [
    "هاجمت قوات الاحتلال مخيم جنين فجر اليوم واعتقلت عشرة شبان بعد مداهمة منازلهم.",
    "وقّع وزيرا خارجية مصر والأردن في عمّان اتفاقية للتعاون في مجال المياه.",
    "دعا الأمين العام للأمم المتحدة إلى وقف فوري لإطلاق النار في غزة، وحذر من كارثة إنسانية.",
    "أعلنت الحكومة العراقية أنها ستطرد السفير التركي احتجاجا على القصف قرب دهوك.",
    "التقى الرئيس الفرنسي نظيره الألماني في برلين وبحثا الأزمة الأوكرانية: لا اتفاق بعد.",
    "رفضت إيران الاتهامات الأمريكية وهددت بالرد على أي اعتداء يستهدف أراضيها.",
    "قالت مصادر إن الجيش السوداني قصف مواقع لقوات الدعم السريع في الخرطوم، فيما نفت القوات ذلك.",
    "فرضت واشنطن عقوبات جديدة على شركات روسية، وقدمت مساعدات عسكرية لكييف بقيمة مليار دولار.",
]


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline.default()


@pytest.fixture(scope="module")
def processed(pipe):
    text = " ".join(SENTENCES[:4]) + "\n" + " ".join(SENTENCES[4:])
    return pipe(make_document(text, "speed5-a", "العراق يطرد السفير التركي", published="2023-05-06"))


def plain_find(lexicon, tf) -> list[tuple]:
    """Trigger matching as it was: every pattern whose first slot holds any reading of a token, greedy left."""
    out = []
    for i in range(len(tf)):
        seen = set()
        for f in sorted(tf[i]):
            for p in lexicon.by_first.get(f, ()):
                if p.id in seen:
                    continue
                idx, pos, gap, ok = [], i, 0, True
                for s in p.slots:
                    if isinstance(s, tuple):
                        gap = s[1]
                        continue
                    found = None
                    for k in range(pos, min(len(tf), pos + gap + 1)):
                        if s is ANY or tf[k] & s:
                            found = k
                            break
                        if tf[k] & SENTENCE_STOPS:
                            break
                    if found is None:
                        ok = False
                        break
                    idx.append(found)
                    pos, gap = found + 1, 0
                if ok:
                    seen.add(p.id)
                    out.append((p.id, i, idx[-1] + 1, idx))
    return out


def test_trigger_matching_finds_what_the_plain_matcher_finds(pipe):
    lexicon = load_lexicon()
    tokenizer = pipe.stages[0].tokenizer
    longer = 0
    for text in SENTENCES:
        tf = [forms(t) for t in tokenizer(text)]
        got = lexicon.find(tf)
        assert all(isinstance(m, TriggerMatch) for m in got)
        assert [(m.pattern.id, m.start, m.end, m.tokens) for m in got] == plain_find(lexicon, tf)
        longer += sum(1 for m in got if len(m.tokens) > 1)
    assert longer >= 1  # patterns of several slots (and gaps) were matched, not only one-word triggers


def test_a_sentence_keeps_its_normalised_text_and_the_store_rows_are_the_same_without_it(processed):
    p = processed
    assert len(p.sentences) >= 6
    for s in p.sentences:
        assert s.norm == normalize_space(s.text)
    bare = [Sentence(s.doc_id, s.idx, s.start, s.end, s.text, s.kind) for s in p.sentences]  # as read from a store
    assert bare == p.sentences  # the kept text takes no part in equality
    assert sentence_rows(p.doc, bare, p.quads) == sentence_rows(p.doc, p.sentences, p.quads)


def test_padded_marsad_sums_equal_the_per_sentence_sums_bit_for_bit(pipe, processed):
    stage = next(s for s in pipe.stages if isinstance(s, QuadStage))
    w = stage._weights
    assert np.signbit(w[stage._pad]).all() and (w[stage._pad] == 0).all()  # the -0.0 row
    rng = np.random.default_rng(3)
    lists = [list(rng.integers(0, stage._pad, int(n))) for n in (1, 2, 3, 7, 30, 64, 65, 200)]
    lists.append([0, 0, 0])  # repeated rows
    at = np.full((len(lists), max(map(len, lists))), stage._pad, np.intp)
    for i, m in enumerate(lists):
        at[i, :len(m)] = m
    padded = w[at].sum(axis=1)
    for i, m in enumerate(lists):
        one = w[m].sum(axis=0)
        assert np.array_equal(padded[i], one) and np.array_equal(np.signbit(padded[i]), np.signbit(one))
    sentences = processed.content_sentences()
    from marsad.learn.stage import group

    assert stage.doc_margins(processed, sentences, group(processed)).shape == (len(sentences), w.shape[1])


def test_near_duplicates_of_the_batch_are_found_by_band_key_as_by_a_scan(tmp_path):
    store = Store.open(str(tmp_path / "nd.db"))
    nd = NearDuplicates(store)
    texts = [SENTENCES[i] + " " + SENTENCES[i + 1] + " " + SENTENCES[(i + 3) % 8] for i in range(6)]
    copies = [t.replace("في", "فى", 1) + " تابع." for t in texts]  # near copies (one letter, one word more)
    pending, answers = [], []
    for doc_id, text in [(f"o{i}", t) for i, t in enumerate(texts)] + [(f"c{i}", t) for i, t in enumerate(copies)]:
        sig = to_bytes(signature(text))
        got = nd.find(sig)
        # the plain scan: the first pending original sharing a band key and similar enough
        keys = band_keys(sig, nd.ranges)
        want = next(((d, sc) for d, s2, k2 in pending if set(keys) & set(k2)
                     and (sc := float(np.mean(np.frombuffer(sig, np.uint64) == np.frombuffer(s2, np.uint64))))
                     >= nd.threshold), (None, None))
        assert (got[0], got[1]) == want
        answers.append(got[0])
        if got[0] is None:
            nd.add(doc_id, sig, got[2])
            pending.append((doc_id, sig, got[2]))
    assert answers[:6] == [None] * 6 and sum(a is not None for a in answers[6:]) >= 4
    nd.written()
    assert nd.find(to_bytes(signature(copies[0])))[0] is None  # written() forgets the batch (the store answers)
    store.close()


def test_worker_results_come_back_with_their_documents_in_order(pipe):
    docs = [make_document(f"{SENTENCES[i % 8]} {SENTENCES[(i + 2) % 8]}", f"speed5-w{i}", "") for i in range(11)]
    with Runner(pipe, workers=2) as runner:
        out = list(runner.ordered(["start", *docs, "end"]))
    assert out[0] == "start" and out[-1] == "end"
    done = out[1:-1]
    assert all(isinstance(d, Done) for d in done)
    assert [d.doc for d in done] == docs
    assert [len(d.rows.sentences) for d in done] == [len(pipe(d).sentences) for d in docs]


def test_the_ingest_settings_hold_while_it_lasts_and_are_restored(tmp_path):
    store = Store.open(str(tmp_path / "c.db"))
    settings = "PRAGMA cache_size", "PRAGMA wal_autocheckpoint"
    before = [store.scalar(s) for s in settings]
    with store.bulk_writes(16, 5000):
        assert [store.scalar(s) for s in settings] == [-16 * 1024, 5000]
    assert [store.scalar(s) for s in settings] == before
    with pytest.raises(RuntimeError), store.bulk_writes(8, 3000):
        raise RuntimeError("a failed ingest")
    assert [store.scalar(s) for s in settings] == before
    store.close()
