"""The alignment index: pure functions, no store access. Formulas and their reasons are in docs/analysis.md.

    score = ALPHA * F + (1 - ALPHA) * B                                     in [-(1 - ALPHA), 1] within [-1, 1]
    F     = P - H, P = 1 - prod over obligation types (1 - strongest weight of that type in force),
            H the same over hostile ties (war, broken relations, sanctions, lists)               in [-1, 1]
    B     = tone * V / (V + PRIOR)                                                            in (-1, 1)
    tone  = (P - N) / (P + N)   with P, N the decayed positive / negative weight of happenings
    V     = undecayed total weight of happenings so far (how much the pair is covered)

One happening (a cluster of reports) weighs |intensity| / 10 x quad factor (material 1, verbal 0.5) x
modality factor (asserted 1; future, hypothetical and negated 0) x coder confidence. Decay halves a
happening's weight every HALF_LIFE_DAYS. Because the same decay multiplies P and N, tone does not move when
nothing happens; only new happenings (and changes of formal ties) move a score, so a trend is never an
artefact of evidence growing old. Confidence, on the other hand, fades with age.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

HALF_LIFE_DAYS = 365.0
ALPHA_FORMAL = 0.35  # share of the formal layer in the index
PRIOR = 1.0  # pseudo-weight pulling thinly covered pairs towards 0 (about two material happenings)
CONFIDENCE_SCALE = 1.0  # decayed weight at which behavioural confidence reaches 1 - 1/e
FORMAL_CONFIDENCE = 0.6  # confidence a confirmed tie in force gives on its own
QUAD_FACTOR = {"material_cooperation": 1.0, "material_conflict": 1.0,
               "verbal_cooperation": 0.5, "verbal_conflict": 0.5}
# Only what happened counts: a promise or an announced intention is not yet behaviour (it counts once done).
MODALITY_FACTOR = {"asserted": 1.0, "historical": 1.0, "future": 0.0, "hypothetical": 0.0}
# Acts towards an organisation count for each member on that day at this share of their weight, less for big
# bodies: x min(1, ORG_SPREAD_REFERENCE / members).
ORG_SPREAD = 0.5
ORG_SPREAD_REFERENCE = 10
DAYS_PER_MONTH = 365.2425 / 12
# Actor agents that are not organs of the state: their acts stay events but are not the state's behaviour
# (a protest in Yerevan is not an act of Armenia). GOV, MIL, DIP, LEG, JUD, COP, SPY, IGO and the bare state count.
NON_STATE_AGENTS = frozenset({"CVL", "OPP", "REB", "BUS", "MED", "EDU", "REL", "NGO", "HLH", "UAF", "LAB"})
TREND_STEADY = 0.02  # |change| below this reads as "steady"
MIN_HAPPENINGS = 3  # fewer independent happenings: "insufficient evidence" for the behavioural part


def event_weight(intensity: float | None, quad: str | None, modality: str | None = "asserted",
                 negated: bool = False, confidence: float | None = 1.0, dup: bool = False,
                 date_precision: str | None = "day") -> float:
    """Signed weight of one report in [-1, 1]; 0 for what does not count (negated, hypothetical, duplicate
    article, historical background without a date of its own)."""
    if negated or dup or intensity is None:
        return 0.0
    m = modality or "asserted"
    if m == "historical" and date_precision in ("document", "inferred", "unknown", None):
        return 0.0
    f = MODALITY_FACTOR.get(m, 0.0) * QUAD_FACTOR.get(quad or "", 0.5)
    c = 1.0 if confidence is None else max(0.0, min(1.0, float(confidence)))
    return max(-1.0, min(1.0, float(intensity) / 10.0)) * f * c


def decay(days: float, half_life: float = HALF_LIFE_DAYS) -> float:
    """Share of a weight left after ``days`` (never above 1: the future does not weigh more)."""
    return 0.5 ** (max(0.0, days) / half_life)


def month_decay(months: int | float, half_life: float = HALF_LIFE_DAYS) -> float:
    return decay(months * DAYS_PER_MONTH, half_life)


def tone(pos: float, neg: float) -> float:
    total = pos + neg
    return 0.0 if total <= 0 else (pos - neg) / total


def behaviour(pos: float, neg: float, volume: float, prior: float = PRIOR) -> float:
    """B = tone x V / (V + prior): direction from recent behaviour, magnitude shrunk for thin coverage."""
    if volume <= 0:
        return 0.0
    return tone(pos, neg) * volume / (volume + prior)


def combine(formal: float, behav: float, alpha: float = ALPHA_FORMAL) -> float:
    # formal is F - H: positive ties minus hostile ones (war, broken relations, sanctions), in [-1, 1]
    return max(-1.0, min(1.0, alpha * max(-1.0, min(1.0, formal)) + (1.0 - alpha) * behav))


def confidence(evidence: float, formal_certainty: float = 0.0) -> float:
    """1 - (1 - c_b)(1 - c_f): c_b = 1 - exp(-E / scale) for decayed evidence E, c_f from ties in force."""
    import math

    cb = 1.0 - math.exp(-max(0.0, evidence) / CONFIDENCE_SCALE)
    cf = FORMAL_CONFIDENCE * max(0.0, min(1.0, formal_certainty))
    return 1.0 - (1.0 - cb) * (1.0 - cf)


def trend_label(change: float | None) -> str:
    if change is None or abs(change) < TREND_STEADY:
        return "steady"
    return "rising" if change > 0 else "falling"


# -- months ------------------------------------------------------------------------------------------

def month_of(date: str) -> str:
    return date[:7]


def month_index(month: str) -> int:
    return int(month[:4]) * 12 + int(month[5:7]) - 1


def month_name(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def month_end(month: str) -> str:
    i = month_index(month) + 1
    return (dt.date(i // 12, i % 12 + 1, 1) - dt.timedelta(days=1)).isoformat()


def shift_months(date: str, k: int) -> str:
    """The same day k months later (clamped to the month's length)."""
    d = dt.date.fromisoformat(date)
    i = d.year * 12 + d.month - 1 + k
    y, m = i // 12, i % 12 + 1
    last = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(y, m, min(d.day, last)).isoformat()


def days_between(a: str, b: str) -> int:
    return (dt.date.fromisoformat(b) - dt.date.fromisoformat(a)).days


def month_mid(month: str) -> str:
    return month + "-15"


# -- monthly state -------------------------------------------------------------------------------------

def roll_states(months: list[tuple[str, float, float, int]], half_life: float = HALF_LIFE_DAYS,
                start: tuple | None = None) -> list[tuple]:
    """Monthly sums (month, pos, neg, clusters) sorted by month -> rows (month, pos, neg, clusters, pos_d,
    neg_d, volume, clusters_total): pos_d/neg_d decayed to the middle of that month, volume and
    clusters_total cumulative without decay. ``start``: the state (month, pos_d, neg_d, volume, total)
    before the first month, to continue an existing series."""
    out = []
    pd = nd = vol = 0.0
    total = 0
    prev = None
    if start:
        prev, pd, nd, vol, total = month_index(start[0]), start[1], start[2], start[3], start[4]
    for month, pos, neg, n in months:
        i = month_index(month)
        if prev is not None:
            f = month_decay(i - prev, half_life)
            pd, nd = pd * f, nd * f
        pd, nd, vol, total = pd + pos, nd + neg, vol + pos + neg, total + n
        prev = i
        out.append((month, pos, neg, n, pd, nd, vol, total))
    return out


@dataclass
class Score:
    score: float
    formal: float
    behaviour: float
    tone: float
    confidence: float
    positive: float  # decayed, at the date
    negative: float
    volume: float
    clusters: int

    @property
    def evidence_state(self) -> str:
        """formal_only (no happening: the behavioural part is unknown, not neutral), insufficient (fewer than
        MIN_HAPPENINGS independent happenings) or sufficient."""
        return "formal_only" if self.clusters == 0 else "insufficient" if self.clusters < MIN_HAPPENINGS else "sufficient"

    @property
    def interval(self) -> tuple[float, float]:
        """A plausible range of the index: the behavioural part may lie anywhere in ±(1 - ALPHA) with no
        happening and within ±(1 - ALPHA) / sqrt(n) of its value with n independent happenings."""
        half = (1.0 - ALPHA_FORMAL) * (1.0 if self.clusters == 0 else min(1.0, self.clusters ** -0.5))
        return max(-1.0, self.score - half), min(1.0, self.score + half)

    def to_dict(self) -> dict:
        d = {k: (round(v, 4) if isinstance(v, float) else v) for k, v in asdict(self).items()}
        lo, hi = self.interval
        d.update(interval=[round(lo, 4), round(hi, 4)], evidence_state=self.evidence_state)
        return d


def score_at(date: str, state: tuple | None, formal: float, formal_certainty: float,
             half_life: float = HALF_LIFE_DAYS) -> Score:
    """The index on ``date`` from the latest monthly state at or before it (None: no happening yet)."""
    if state is None:
        return Score(combine(formal, 0.0), formal, 0.0, 0.0, confidence(0.0, formal_certainty), 0.0, 0.0, 0.0, 0)
    month, pd, nd, vol, total = state
    f = decay(days_between(month_mid(month), date), half_life)
    b = behaviour(pd, nd, vol)
    return Score(combine(formal, b), formal, b, tone(pd, nd), confidence((pd + nd) * f, formal_certainty),
                 pd * f, nd * f, vol, int(total))
