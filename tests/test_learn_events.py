"""The learned event stage (marsad.learn.eventstage): event scorer and argument scorer on our own Arabic
sentences, the rules-only switch, model and cue files with clear errors, and retraining on a small slice."""

from __future__ import annotations

import json

import numpy as np
import pytest

from conftest import SHARED
from marsad.ingest.readers import make_document
from marsad.learn.check import validate_models
from marsad.learn.eventfeatures import CueError, DocContext, event_names, kind_lookup, load_domain_cues
from marsad.learn.eventstage import ARG_LABELS, EVENT_MODEL, LearnedEventStage, may_drop, pick_parties, unsure
from marsad.learn.model import ModelError
from marsad.learn.named import NamedModel, fit_named
from marsad.learn.stage import model_dir
from marsad.pipeline import Pipeline

CORPUS = SHARED / "corpora" / "saudinewsnet"
need_corpus = pytest.mark.skipif(not (CORPUS / "2015-07-25.zip").is_file(), reason="../shared/corpora is absent")


@pytest.fixture(scope="module")
def pipes() -> tuple[Pipeline, Pipeline]:
    rules = Pipeline.default("events", learned=False)
    learned = Pipeline(rules.stages + [LearnedEventStage()])  # same loaded rules, one more stage
    return rules, learned


def code(pipe: Pipeline, text: str, i: int = 0):
    return pipe(make_document(text, f"learn-events-{i}", "", published="2015-08-01"))


def test_rules_only_is_a_switch():
    assert Pipeline.default("events").names[-2:] == ["learned-events", "learned-recall"]
    assert not {"learned-events", "learned-recall"} & set(Pipeline.default("events", learned=False).names)


def test_a_written_group_recipient_stays_under_the_learned_layer(pipes):
    # "coalition aircraft shelled Houthi positions in Saada": the rules read the group after "مواقع" as the target
    # (the owner of a target noun); the learned layer must not swap it for the place's state
    text = "قصفت طائرات التحالف مواقع للحوثيين في صعدة شمال اليمن."
    rules, learned = pipes
    for pipe in (rules, learned):
        got = [e for e in code(pipe, text).events if e.event == "ASSAULT"]
        assert got and got[0].recipient.code == "HOU" and got[0].recipient.inferred is None
        assert text[got[0].recipient.start:got[0].recipient.end].endswith("حوثيين")


def test_confidence_is_the_scorers_probability_and_low_events_are_dropped(pipes):
    rules, learned = pipes
    scorer = NamedModel.load(model_dir() / EVENT_MODEL)
    cues = load_domain_cues()
    texts = ["أعلنت وزارة الداخلية السعودية القبض على خلية إرهابية في الرياض أمس.",
             "قدم مركز الملك سلمان للإغاثة مساعدات غذائية إلى اليمن هذا الأسبوع.",
             "استقبل خادم الحرمين الشريفين في جدة أمس رئيس وزراء باكستان وبحث معه العلاقات الثنائية.",
             "وقعت الشركة السعودية للكهرباء اتفاقية مع بنك فرنسي لتمويل مشروع جديد."]
    judged = 0
    for i, t in enumerate(texts):
        p = code(rules, t, i)
        ctx = DocContext.of(p, cues, kind_lookup())
        want = {(e.event, e.trigger_start): (float(scorer.proba(event_names(p, e, ctx, cues))[1]), e.confidence,
                                             may_drop(event_names(p, e, ctx, cues), bool(p.doc.title)))
                for e in p.events if e.event in scorer.judged}
        got = {(e.event, e.trigger_start): e for e in code(learned, t, i).events}
        for key, (prob, rule_conf, droppable) in want.items():
            judged += 1
            if prob < scorer.threshold and droppable:  # dropped only off political pages
                assert key not in got
            elif got[key].actor.inferred or got[key].recipient.inferred:  # the rules' lower confidence caps it
                assert got[key].confidence == pytest.approx(min(prob, rule_conf), abs=1e-3)
            else:
                assert got[key].confidence == pytest.approx(prob, abs=1e-3)
    assert judged >= 4


def test_unjudged_types_pass_unchanged(pipes, tmp_path):
    # a type the event scorer was given no real example of is left to the rules. Since the ninth session's gold
    # every type has one, so the bundled models are copied with THREATEN taken off the judged list
    import shutil

    from marsad.learn.eventstage import ARG_MODEL

    text = "هددت كوريا الشمالية الولايات المتحدة بضربة نووية إذا واصلت مناوراتها العسكرية."
    rules, _ = pipes
    scorer = NamedModel.load(model_dir() / EVENT_MODEL)
    assert "THREATEN" in scorer.judged  # (the bundled scorer judges threats now)
    scorer.judged = [t for t in scorer.judged if t != "THREATEN"]
    scorer.save(tmp_path / EVENT_MODEL)
    shutil.copy(model_dir() / ARG_MODEL, tmp_path / ARG_MODEL)
    learned = Pipeline(rules.stages + [LearnedEventStage(tmp_path)])
    a = [(e.event, e.actor.code, e.recipient.code, e.confidence) for e in code(rules, text).events]
    b = [(e.event, e.actor.code, e.recipient.code, e.confidence) for e in code(learned, text).events]
    assert any(x[0] == "THREATEN" for x in a) and [x for x in a if x[0] == "THREATEN"] == \
        [x for x in b if x[0] == "THREATEN"]


def _mention(code, start, tok):
    from marsad.records import Mention

    return Mention(start, start + 5, "x", code, None, "name", tok_start=tok, tok_end=tok + 1)


def test_pick_parties_respects_thresholds_and_the_other_side():
    from marsad.records import Event, Party

    e = Event(id="", event="ASSAULT", actor=Party(), recipient=Party("YEM", inferred="place"))
    assert unsure(e.actor) and unsure(e.recipient)
    m1, m2 = _mention("SAU", 10, 2), _mention("HOU", 30, 5)
    scored = [(m1, np.array([0.1, 0.8, 0.1])), (m2, np.array([0.2, 0.35, 0.45]))]
    got = pick_parties(e, scored, threshold=0.4)
    assert got["actor"] is m1 and got["recipient"] is m2
    assert pick_parties(e, scored, threshold=0.5) == {"actor": m1}  # 0.45 is not enough for the recipient
    # a party the rules wrote is kept unless another mention reaches the override threshold
    e.actor = Party("IRN", start=50)
    assert "actor" not in pick_parties(e, scored, threshold=0.4)
    assert pick_parties(e, scored, threshold=0.4, override=0.7)["actor"] is m1
    # a mention written as the place (after في) is never the actor
    e2 = Event(id="", event="ASSAULT", actor=Party(), recipient=Party("YEM", inferred="place"))
    assert "actor" not in pick_parties(e2, scored, threshold=0.4, places=frozenset({10}))
    # never the mention that holds the other side
    only = [(m1, np.array([0.0, 0.5, 0.5]))]
    got = pick_parties(Event(id="", event="ASSAULT", actor=Party(), recipient=Party()), only, threshold=0.3)
    assert len(got) == 1


def test_model_and_cue_files_fail_with_their_name(tmp_path):
    bad = tmp_path / "event_score.npz"
    bad.write_bytes(b"not a model")
    with pytest.raises(ModelError, match="event_score.npz"):
        NamedModel.load(bad)
    cues = tmp_path / "domain_cues.yaml"
    cues.write_text("version: 1\ndomains:\n  sport: [مباراة ودية]\n", encoding="utf-8")
    with pytest.raises(CueError, match="domain_cues.yaml.*not one word"):
        load_domain_cues(cues)
    stats, problems = validate_models()
    assert not problems and "event_score" in stats and "arguments" in stats


def test_named_model_round_trip(tmp_path):
    rows = [["a=written", "r=written"], ["a=none", "r=none"], ["a=written", "r=none"], ["a=none", "r=written"]] * 5
    m = fit_named(rows, [1, 0, 1, 0] * 5, ["no", "yes"], c=1.0)
    m.threshold, m.judged = 0.4, ["ASSAULT"]
    m.save(tmp_path / "m.npz")
    back = NamedModel.load(tmp_path / "m.npz")
    assert back.judged == ["ASSAULT"] and back.threshold == pytest.approx(0.4)
    assert back.proba(["a=written", "r=written"])[1] > 0.5 > back.proba(["a=none", "r=none"])[1]
    assert back.proba(["never seen"])[1] == pytest.approx(m.proba([])[1])


@need_corpus
def test_retrain_small_slice_end_to_end(tmp_path, pipes):
    """Rows from 40 dev gold rows and 15 articles of one corpus file; both models fitted, saved, loaded by the
    stage and run on a sentence."""
    from marsad.learn import eventtrain as T
    from marsad.learn.eventdata import gold_rows, weak_rows

    rows = [json.loads(x) for x in open("tests/gold/real_news.jsonl", encoding="utf-8")]
    keep = [r for r in rows if r["split"] == "dev" and r["file"] == "2015-07-21.zip"][:40]
    gold_file = tmp_path / "gold.jsonl"
    gold_file.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in keep), encoding="utf-8")
    gold = gold_rows(gold_file, CORPUS, pipeline=pipes[0])
    weak_ev, weak_arg = weak_rows(CORPUS, gold_file, ["2015-07-25.zip"], 15, pipeline=pipes[0])
    assert weak_arg and {y for _, y in weak_arg} == {0, 1, 2}
    ev = T._fit_event(gold, weak_ev)
    ar = T._fit_args(gold, weak_arg)
    assert ar.labels == ARG_LABELS and ev.judged
    ev.save(tmp_path / "event_score.npz")
    ar.save(tmp_path / "arguments.npz")
    stage = LearnedEventStage(tmp_path)
    p = stage(code(pipes[0], "قصفت طائرات التحالف مواقع للحوثيين في صعدة شمال اليمن."))
    assert all(0.0 <= e.confidence <= 1.0 for e in p.events)
    s = T.score(gold, T.decide(gold, {}, {}, 0.0, 1.01))
    assert set(s) >= {"type", "type+actor", "type+actor+recipient"}


def test_the_argument_scorer_does_not_make_a_condemning_state_the_attacker():
    # the rules leave the bombing's actor empty; the scorer must not fill it with the state that condemned it
    from marsad.ingest.readers import make_document
    from marsad.pipeline import Pipeline
    p = Pipeline.default("events")(make_document("دانت دولة قطر التفجير الذي استهدف حافلة للركاب في مدينة أبها.",
                                                 "t", "", published="2015-07-25"))
    assert [e.actor.code for e in p.events if e.event == "ACCUSE"] == ["QAT"]
    assert all(e.actor.code != "QAT" for e in p.events if e.event == "ASSAULT")


def test_a_stateless_group_is_known_as_such():
    from marsad.learn.eventstage import stateless
    assert stateless("ISI")  # ISIL acts in the state of the event's place
    assert not stateless("HOU") and not stateless("SAU") and not stateless(None)
