"""Communities of a signed, weighted network (friends inside, adversaries across).

Louvain's two phases (local moving, then aggregation) on the signed modularity of Gómez, Jensen and Arenas
(2009): Q = Q+ - Q-, each computed as ordinary modularity on the positive and on the negative part. A node
joins the neighbouring community that raises Q most; hostile ties push nodes apart instead of being ignored.
Deterministic: nodes are visited in sorted order.
"""

from __future__ import annotations

from collections import defaultdict


def _gain(k_in: float, kp: float, kn: float, sp: float, sn: float, mp: float, mn: float) -> float:
    """Modularity gain (up to a constant factor) of putting a node with strengths kp/kn and signed weight
    k_in towards community C (strength sums sp/sn) into C."""
    expected = (kp * sp / mp if mp else 0.0) - (kn * sn / mn if mn else 0.0)
    return k_in - expected


def _one_level(nodes: list, adj: dict, kp: dict, kn: dict, mp: float, mn: float) -> tuple[dict, bool]:
    """Local moving: node -> community label (int); True when some node moved."""
    comm = {n: i for i, n in enumerate(nodes)}
    size = dict.fromkeys(range(len(nodes)), 1)
    sp = {i: kp[n] for i, n in enumerate(nodes)}
    sn = {i: kn[n] for i, n in enumerate(nodes)}
    fresh = len(nodes)
    improved = False
    for _ in range(100):
        moved = False
        for n in nodes:
            c0 = comm[n]
            sp[c0] -= kp[n]
            sn[c0] -= kn[n]
            size[c0] -= 1
            links: dict = defaultdict(float)
            for m, w in adj[n].items():
                if m != n:
                    links[comm[m]] += w
            best, best_gain = None, 0.0  # None: alone
            for c in sorted(links, key=lambda c: (c != c0, c)):  # the current community first wins ties
                g = _gain(links[c], kp[n], kn[n], sp[c], sn[c], mp, mn)
                if g > best_gain + 1e-12:
                    best, best_gain = c, g
            if best is None:
                if size[c0] == 0:
                    best = c0
                else:
                    best, fresh = fresh, fresh + 1
                    sp[best] = sn[best] = 0.0
                    size[best] = 0
            comm[n] = best
            sp[best] += kp[n]
            sn[best] += kn[n]
            size[best] += 1
            if best != c0:
                moved = improved = True
        if not moved:
            break
    return comm, improved


def signed_modularity(edges: dict[tuple, float], parts: dict) -> float:
    kp: dict = defaultdict(float)
    kn: dict = defaultdict(float)
    for (u, v), w in edges.items():
        for x in (u, v):
            (kp if w > 0 else kn)[x] += abs(w)
    mp, mn = sum(kp.values()), sum(kn.values())
    if mp + mn == 0:
        return 0.0
    q = 0.0
    for (u, v), w in edges.items():
        if parts.get(u) == parts.get(v):
            q += 2 * w
    nodes = set(kp) | set(kn)
    by: dict = defaultdict(list)
    for n in nodes:
        by[parts.get(n, n)].append(n)
    for members in by.values():
        sp = sum(kp[n] for n in members)
        sn = sum(kn[n] for n in members)
        q -= (sp * sp / mp if mp else 0.0) - (sn * sn / mn if mn else 0.0)
    return q / (mp + mn)


def signed_louvain(nodes: list, edges: dict[tuple, float]) -> dict:
    """node -> community label (the smallest member name), for undirected signed edges {(u, v): w}."""
    nodes = sorted(set(nodes) | {x for e in edges for x in e}, key=str)
    adj: dict = {n: defaultdict(float) for n in nodes}
    kp: dict = dict.fromkeys(nodes, 0.0)
    kn: dict = dict.fromkeys(nodes, 0.0)
    for (u, v), w in edges.items():
        if u == v or not w:
            continue
        adj[u][v] += w
        adj[v][u] += w
        for x in (u, v):
            if w > 0:
                kp[x] += w
            else:
                kn[x] -= w
    mp, mn = sum(kp.values()), sum(kn.values())
    member = {n: n for n in nodes}  # original node -> current super node
    cur_nodes, cur_adj, cur_kp, cur_kn = nodes, adj, kp, kn
    for _ in range(20):
        comm, improved = _one_level(cur_nodes, cur_adj, cur_kp, cur_kn, mp, mn)
        if not improved:
            break
        member = {n: comm[member[n]] for n in nodes}
        new_nodes = sorted(set(comm.values()))
        new_adj: dict = {c: defaultdict(float) for c in new_nodes}
        for u in cur_nodes:
            for v, w in cur_adj[u].items():
                if comm[u] != comm[v]:
                    new_adj[comm[u]][comm[v]] += w
        new_kp: dict = dict.fromkeys(new_nodes, 0.0)
        new_kn: dict = dict.fromkeys(new_nodes, 0.0)
        for n in cur_nodes:
            new_kp[comm[n]] += cur_kp[n]
            new_kn[comm[n]] += cur_kn[n]
        if len(new_nodes) == len(cur_nodes):
            break
        cur_nodes, cur_adj, cur_kp, cur_kn = new_nodes, new_adj, new_kp, new_kn
    groups: dict = defaultdict(list)
    for n in nodes:
        groups[member[n]].append(n)
    return {n: min(ms, key=str) for ms in groups.values() for n in ms}
