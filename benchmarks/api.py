"""API benchmark: latency of the entity-page endpoint on a store holding 10,000 articles.

Builds a store of generated articles (synthetic text, with Extraction objects written directly via
`Store.add_document`, so no extractor runs), resolves it, then times `GET /api/entities/{id}` for
a spread of entities (the most-connected ones included) and prints median and p95 latency.
Target: under 50 ms median.

    .venv/bin/python benchmarks/api.py [--articles 10000] [--requests 500] [--server] [--db PATH]

By default requests go through FastAPI's TestClient (the full ASGI stack, in process); `--server`
runs uvicorn on 127.0.0.1 in a background thread and times real HTTP requests with httpx.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from supplytrace.model import Claim, DocEntity, Document, Extraction, Mention
from supplytrace.store import Store
from supplytrace.vocab import EntityType, MilestoneEvent, Modality, Predicate

PREFIX = ["Minsk", "Gomel", "Brest", "Vitebsk", "Grodno", "Mogilev", "Orsha", "Borisov", "Pinsk", "Lida",
          "Bobruisk", "Baranovichi", "Novopolotsk", "Soligorsk", "Zhodino", "Kazan", "Tula", "Izhevsk"]
KIND = ["Optics", "Gear", "Casting", "Electronics", "Chassis", "Composites", "Motor", "Microsystems",
        "Radio", "Instrument", "Machine", "Tractor", "Precision", "Cable", "Polymer", "Avionics"]
SUFFIX = ["Plant", "Works", "Factory", "Enterprise", "Combine"]
PRODUCTS = ["microchips", "wheeled chassis", "optical sights", "shell casings", "drone airframes", "control units",
            "rocket motors", "radio modules", "thermal imagers", "gyroscopes", "servo drives", "fuses"]
SYSTEMS = ["Kh-101", "Iskander", "S-400", "Grad", "Geran-2", "Tornado-S", "Su-34", "Orlan-10", "Lancet",
           "Kalibr", "Tor-M2", "Pantsir", "Smerch", "Krasukha", "Ka-52", "T-90"]
OUTLETS = [f"Outlet {i}" for i in range(40)]
SOURCES = ["SZRU", "SAB", "BelPol", "Hajun", "ISW", "Conflict Armament Research", "Militarnyi", "RUSI"]


def plant_names(n: int, rng: random.Random) -> list[str]:
    names = {f"{p} {k} {s}" for p in PREFIX for k in KIND for s in SUFFIX}
    return rng.sample(sorted(names), n)


class Writer:
    """Builds an article's text sentence by sentence, recording mention and evidence offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.entities: dict[str, DocEntity] = {}
        self.claims: list[Claim] = []

    def entity(self, key: str, name: str, type: EntityType) -> str:
        if key not in self.entities:
            self.entities[key] = DocEntity(key, name, type)
        return key

    def sentence(self, pieces: list[tuple[str, str | None]], claim: Claim | None = None) -> None:
        start = self.pos
        for text, key in pieces:
            if key is not None:
                e = self.entities[key]
                e.mentions.append(Mention(key, text, self.pos, self.pos + len(text), e.type))
            self.parts.append(text)
            self.pos += len(text)
        if claim is not None:
            claim.evidence = "".join(p for p, _ in pieces).strip()
            claim.evidence_start, claim.evidence_end = start, self.pos
            self.claims.append(claim)
        self.parts.append(" ")
        self.pos += 1

    def paragraph(self) -> None:
        self.parts.append("\n\n")
        self.pos += 2

    @property
    def text(self) -> str:
        return "".join(self.parts)


def make_article(i: int, rng: random.Random, plants: list[str]) -> tuple[Document, Extraction]:
    w = Writer()
    # a few very common entities (the hubs of the network) and a long tail
    plant = plants[min(int(rng.paretovariate(1.2)) - 1, len(plants) - 1)] if rng.random() < 0.5 else rng.choice(plants)
    other = rng.choice(plants)
    product, system = rng.choice(PRODUCTS), rng.choice(SYSTEMS)
    source, outlet = rng.choice(SOURCES), rng.choice(OUTLETS)
    city = plant.split()[0]
    year = rng.randint(2022, 2026)
    p = w.entity("p", plant, EntityType.ORGANIZATION)
    o = w.entity("o", other, EntityType.ORGANIZATION)
    s = w.entity("s", system, EntityType.WEAPON_SYSTEM)
    c = w.entity("c", city, EntityType.PLACE)
    src = w.entity("src", source, EntityType.ORGANIZATION)
    prod = w.entity("prod", product, EntityType.PRODUCT)
    w.sentence([(f"Report {i}: ", None), (plant, p), (" is producing ", None), (product, prod),
                (f" again, according to {outlet} citing ", None), (source, src), (".", None)],
               Claim(p, Predicate.PRODUCES, object_text=product, attributed_to=[src]))
    w.sentence([("The plant in ", None), (city, c), (f" turned out its {product} for Russian forces.", None)],
               Claim(p, Predicate.LOCATED_IN, object=c))
    w.paragraph()
    w.sentence([("Components made by ", None), (plant, p), (" were found in ", None), (system, s),
                (" wreckage, investigators said.", None)],
               Claim(p, Predicate.USED_IN, object=s, modality=rng.choice([Modality.REPORTED, Modality.POSSIBLE]),
                     attributed_to=[src]))
    w.sentence([(other, o), (f" supplies parts to {plant.split()[0]} partners, ", None), (plant, p),
                (" included.", None)], Claim(o, Predicate.SUPPLIES, object=p, object_text="parts"))
    w.paragraph()
    value = rng.choice([1000, 2000, 5000, 10000, 20000, 50000])
    w.sentence([("It plans to make ", None), (f"{value:,} {product} a year by {year}", None), (", ", None),
                (source, src), (" claims.", None)],
               Claim(p, Predicate.CAPACITY, value=value, unit=product, period="year", object_text=product,
                     date=str(year), modality=Modality.PLANNED, attributed_to=[src]))
    event = rng.choice([MilestoneEvent.OPERATIONS_STARTED, MilestoneEvent.REVIVED, MilestoneEvent.SCHEDULED_LAUNCH])
    w.sentence([(f"A new line was {event.replace('_', ' ')} in {year}.", None)],
               Claim(p, Predicate.MILESTONE, event=event, date=str(year)))
    w.paragraph()
    w.sentence([(f"Filler paragraph {i} with more words about supply chains, sanctions and procurement so the "
                 "article has a realistic length of several hundred characters in total.", None)])
    doc = Document(text=w.text, title=f"{plant} and the {system} (report {i})", outlet=outlet,
                   url=f"https://news.example/{i}", published=f"{year}-{rng.randint(1, 12):02d}",
                   source=f"synthetic/{i}.txt")
    return doc, Extraction(doc.id, list(w.entities.values()), w.claims, extractor="synthetic")


def build(db: Path, n: int, seed: int) -> float:
    from supplytrace.resolve import resolve_documents

    rng = random.Random(seed)
    plants = plant_names(600, rng)
    store = Store(db)
    t0 = time.perf_counter()
    ids = []
    for i in range(n):
        doc, ex = make_article(i, rng, plants)
        if store.add_document(doc, ex):
            ids.append(doc.id)
        if (i + 1) % 2000 == 0:
            print(f"  stored {i + 1} articles", file=sys.stderr)
    t_store = time.perf_counter() - t0
    t1 = time.perf_counter()
    for k in range(0, len(ids), 1000):
        resolve_documents(store, ids[k:k + 1000])
    print(f"  stored in {t_store:.1f}s, resolved in {time.perf_counter() - t1:.1f}s", file=sys.stderr)
    store.close()
    return time.perf_counter() - t0


def percentile(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    k = (len(xs) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--requests", type=int, default=500)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--server", action="store_true", help="time real HTTP against uvicorn on 127.0.0.1")
    ap.add_argument("--db", type=Path, help="reuse/keep the store here (built if missing)")
    args = ap.parse_args()

    from supplytrace.analyze import api as analyze
    from supplytrace.web.app import create_app

    with tempfile.TemporaryDirectory(prefix="supplytrace-bench-") as tmp:
        db = args.db or Path(tmp) / "bench.db"
        if not db.exists():
            print(f"building a store of {args.articles:,} synthetic articles …", file=sys.stderr)
            build(db, args.articles, args.seed)
        store = Store(db)
        n_docs = store.count_documents()
        size = sum(p.stat().st_size for p in db.parent.glob(db.name + "*")) / 2**20
        t0 = time.perf_counter()
        ents = analyze.entities(store)  # computes the analysis, which the app's connections then share
        t_analysis = time.perf_counter() - t0
        store.close()
        rng = random.Random(args.seed)
        by_claims = sorted(ents, key=lambda e: -e.claims)
        sample = [e.id for e in by_claims[:20]] + [e.id for e in rng.sample(ents, min(180, len(ents)))]
        app = create_app(db)

        if args.server:
            import httpx
            import uvicorn

            server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
            thread = threading.Thread(target=server.run, daemon=True)
            thread.start()
            while not server.started:
                time.sleep(0.05)
            port = server.servers[0].sockets[0].getsockname()[1]
            client = httpx.Client(base_url=f"http://127.0.0.1:{port}")
            mode = f"httpx -> uvicorn on 127.0.0.1:{port}"
        else:
            from fastapi.testclient import TestClient

            client = TestClient(app)
            client.__enter__()
            mode = "TestClient (in-process ASGI)"

        t0 = time.perf_counter()
        r = client.get(f"/api/entities/{sample[0]}")
        r.raise_for_status()
        first = time.perf_counter() - t0
        for eid in sample[:20]:  # warm every worker thread's connection and the analysis cache
            client.get(f"/api/entities/{eid}").raise_for_status()
        times, sizes = [], []
        for k in range(args.requests):
            eid = sample[k % len(sample)]
            t0 = time.perf_counter()
            r = client.get(f"/api/entities/{eid}")
            times.append((time.perf_counter() - t0) * 1000)
            r.raise_for_status()
            sizes.append(len(r.content))
        client.close()
        if args.server:
            server.should_exit = True
            thread.join(timeout=10)

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"store: {n_docs:,} articles, {len(ents):,} entities, {size:.0f} MiB; requests via {mode}")
    print(f"analysis (computed once per change to the data): {t_analysis:.1f} s")
    print(f"first entity request (analysis cached, connection new): {first * 1000:.0f} ms")
    print(f"GET /api/entities/{{id}} x {len(times)}: median {statistics.median(times):.1f} ms, "
          f"p95 {percentile(times, 0.95):.1f} ms, max {max(times):.1f} ms "
          f"(responses median {statistics.median(sizes) / 1024:.1f} KiB)")
    print(f"peak memory: {peak:.0f} MiB")
    target = statistics.median(times) < 50
    print("target (< 50 ms median):", "met" if target else "NOT met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
