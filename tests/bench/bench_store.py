"""Store benchmark (issue 2): 10,000 cases / 50,000 parties, encrypted vs plain SQLite.

Run: .venv/bin/python tests/bench/bench_store.py [--cases 10000] [--runs 5]
Prints the figures and writes them to docs/benchmarks/store.md.

Every build and every measurement runs in a fresh process of its own.  That matters for the
ratio: ``PRAGMA cipher_memory_security = ON`` (which the store sets, as DESIGN.md asks) is
process-wide in SQLCipher and cannot be switched off again, so a plain database opened in
the same process after an encrypted one pays for memory locking and wiping too, which made
earlier plain figures several times slower than plain SQLite really is.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from app.security.keys import KdfParams, derive_password_key  # noqa: E402
from app.services.cases import CaseInput, CaseService, Party, case_text  # noqa: E402
from app.services.session import AppContext, Session  # noqa: E402
from app.security.roles import Role  # noqa: E402
from app.settings import Settings  # noqa: E402
from app.store import migrations, search  # noqa: E402
from app.store.database import Database  # noqa: E402

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国红玉兰晓东志海波宁欣怡子涵浩然雨萱梓"
CAUSES = ["民间借贷纠纷", "金融借款合同纠纷", "买卖合同纠纷", "房屋租赁合同纠纷", "物业服务合同纠纷", "装饰装修合同纠纷",
          "机动车交通事故责任纠纷", "劳动争议", "离婚纠纷", "建设工程施工合同纠纷", "服务合同纠纷", "追偿权纠纷"]
COMPANY = ["华信商贸", "安居物业", "正言科技", "长城建设", "锦程装饰", "东方租赁", "恒通物流", "新华书店"]


class _Store:
    """Just enough of app.store.Store for the case service (database only)."""

    def __init__(self, database):
        self.database = database

    def write(self):
        return self.database.write()

    def query(self, sql, params=()):
        return self.database.query(sql, params)


def person(rng):
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def populate(db: Database, n_cases: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    migrations.migrate(db)
    with db.write() as w:
        w["users"].insert({"id": 1, "username": "judge", "display_name": "王法官", "role": "审判员", "created_at": "x"})
        w["users"].insert({"id": 2, "username": "clerk", "display_name": "李书记员", "role": "书记员", "created_at": "x"})
    ctx = AppContext(_Store(db), Session(1, "judge", "王法官", Role.JUDGE), Settings(policy={}))
    service = CaseService(ctx)
    start = date(2023, 1, 1)
    with db.write() as w:
        for i in range(n_cases):
            filing = start + timedelta(days=rng.randrange(0, 700))
            parties = [Party("原告", person(rng))]
            parties += [Party("被告", person(rng)) for _ in range(rng.choice((1, 2, 3)))]
            if rng.random() < 0.4:
                parties.append(Party("被告", "北京" + rng.choice(COMPANY) + "有限公司", kind="法人", representative=person(rng)))
            while len(parties) < 5:
                parties.append(Party("第三人", person(rng)))
            data = CaseInput(case_number=f"（{filing.year}）京0105民初{i + 1}号", cause=rng.choice(CAUSES),
                             procedure=rng.choice(("普通", "简易")), filing_date=filing, judge_id=1, clerk_id=2,
                             claims=f"判令被告支付{rng.randrange(1000, 500000)}元", parties=parties)
            number_text = data.case_number.replace("(", "（").replace(")", "）")
            from engines.casenumber import parse_case_number

            number = parse_case_number(number_text)
            row = service._row(data, number_text, number) | {"created_at": "x", "updated_at": "x", "version": 1}
            case_id = w["cases"].insert(row).last_pk
            service._write_parties(w, case_id, data.parties)
            w.execute("INSERT INTO case_members VALUES (?, 1, '承办法官')", (case_id,))
            search.index_case(w, case_id, case_text(data, number_text))


def measure(db_path: Path, key: bytes | None, queries: list[str]) -> dict:
    t0 = time.perf_counter()
    db = Database(db_path, key)
    migrations.migrate(db)
    db.query("SELECT count(*) FROM cases")
    unlock_ms = (time.perf_counter() - t0) * 1000
    ctx = AppContext(_Store(db), Session(1, "judge", "王法官", Role.JUDGE), Settings(policy={}))
    service = CaseService(ctx)
    t0 = time.perf_counter()
    first = service.list_cases(limit=200)
    first_page_ms = (time.perf_counter() - t0) * 1000
    t0 = time.perf_counter()
    service.list_cases(limit=200)
    warm_page_ms = (time.perf_counter() - t0) * 1000
    timings = []
    hits = 0
    for q in queries:
        t0 = time.perf_counter()
        hits += len(service.list_cases(q, limit=200))
        timings.append((time.perf_counter() - t0) * 1000)
    db.close()
    timings.sort()
    return {"unlock_ms": unlock_ms, "first_page_ms": first_page_ms, "warm_page_ms": warm_page_ms, "rows": len(first),
            "search_p50_ms": statistics.median(timings), "search_p95_ms": timings[int(len(timings) * 0.95) - 1],
            "search_hits": hits}


def cold_start_seconds() -> float:
    code = ("import time, sys; t=float(sys.argv[1]);"
            "from app.gui import create_application; from app.settings import Settings; "
            "s=Settings(policy={}); app=create_application([], s);"
            "from widgets.login_dialog import LoginDialog; d=LoginDialog('.', s); d.show(); app.processEvents();"
            "print(time.time()-t)")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    runs = []
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", code, repr(time.time())], cwd=ROOT, env=env, capture_output=True,
                             text=True, check=True)
        runs.append(float(out.stdout.strip().splitlines()[-1]))
    return min(runs)


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _worker(argv: list[str]) -> None:
    """Child process: ``build`` or ``measure`` one database and print the figures as JSON."""
    parser = argparse.ArgumentParser()
    parser.add_argument("action", choices=("build", "measure"))
    parser.add_argument("--db", required=True)
    parser.add_argument("--key", default="")
    parser.add_argument("--cases", type=int, default=10000)
    parser.add_argument("--queries", default="[]")
    args = parser.parse_args(argv)
    key = bytes.fromhex(args.key) if args.key else None
    path = Path(args.db)
    if args.action == "build":
        t0 = time.perf_counter()
        db = Database(path, key)
        populate(db, args.cases)
        parties = db.query("SELECT count(*) AS n FROM parties")[0]["n"]
        db.close()
        out = {"build_s": time.perf_counter() - t0, "parties": parties, "size_mb": path.stat().st_size / 1e6}
    else:
        out = measure(path, key, json.loads(args.queries))
    print(json.dumps(out))


def _child(*args: str) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--worker", *args], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    if sys.argv[1:2] == ["--worker"]:
        _worker(sys.argv[2:])
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=5, help="fresh-process measurements per side (median)")
    args = parser.parse_args()
    rng = random.Random(11)
    queries = [rng.choice(SURNAMES) + rng.choice(GIVEN) for _ in range(40)] + \
              [rng.choice(CAUSES)[:4] for _ in range(30)] + [rng.choice(COMPANY) for _ in range(20)] + \
              [f"民初{rng.randrange(1, args.cases)}" for _ in range(10)]
    sides = {"encrypted (SQLCipher)": os.urandom(32).hex(), "plain SQLite": ""}
    built, runs = {}, {label: [] for label in sides}
    with tempfile.TemporaryDirectory() as tmp:
        paths = {label: str(Path(tmp) / f"{'enc' if k else 'plain'}.db") for label, k in sides.items()}
        for label, key in sides.items():
            built[label] = _child("build", "--db", paths[label], "--key", key, "--cases", str(args.cases))
            # Warm the OS file cache like a second login would (discarded).
            _child("measure", "--db", paths[label], "--key", key, "--queries", json.dumps(queries[:5]))
        for _ in range(args.runs):  # alternate, so load on the machine hits both sides alike
            for label, key in sides.items():
                runs[label].append(_child("measure", "--db", paths[label], "--key", key,
                                          "--queries", json.dumps(queries)))
    results = {label: {k: statistics.median(r[k] for r in runs[label]) for k in runs[label][0]} | built[label]
               for label in sides}
    t0 = time.perf_counter()
    derive_password_key("benchmark-password", os.urandom(16), KdfParams())
    argon_ms = (time.perf_counter() - t0) * 1000
    cold = cold_start_seconds()
    enc, plain = results["encrypted (SQLCipher)"], results["plain SQLite"]
    lines = [
        "## Store (issue 2)", "",
        f"Machine: {os.cpu_count()} cores, {cpu_name()}, Python {platform.python_version()}. "
        f"Command: `.venv/bin/python tests/bench/bench_store.py --cases {args.cases} --runs {args.runs}`.", "",
        f"Data: {args.cases} cases, {enc['parties']} parties, {len(queries)} search queries "
        "(names, causes, company names, case-number fragments). Each figure is the median of "
        f"{args.runs} fresh processes per side; the encrypted store runs with "
        "`cipher_memory_security = ON` (DESIGN.md), the plain file in processes where SQLCipher "
        "never switched it on.", "",
        "| figure | encrypted | plain SQLite | ratio | target |", "|---|---|---|---|---|",
    ]
    for key_name, label, target in (("unlock_ms", "unlock (open + schema check + first read), ms", "< 300 ms"),
                                    ("first_page_ms", "case list first page (200 rows) right after unlock, ms", "< 100 ms"),
                                    ("warm_page_ms", "case list first page again (pages cached), ms", ""),
                                    ("search_p50_ms", "full-text search p50, ms", ""),
                                    ("search_p95_ms", "full-text search p95, ms", "< 100 ms"),
                                    ("size_mb", "database size, MB", ""), ("build_s", "build time, s", "")):
        ratio = enc[key_name] / plain[key_name] if plain[key_name] else float("nan")
        lines.append(f"| {label} | {enc[key_name]:.1f} | {plain[key_name]:.1f} | {ratio:.2f}x | {target} |")
    first = sorted(r["first_page_ms"] for r in runs["encrypted (SQLCipher)"])
    lines += ["", f"- Encrypted first page over the runs: {first[0]:.1f}–{first[-1]:.1f} ms",
              f"- Argon2id password derivation (default parameters, reported separately): {argon_ms:.0f} ms",
              f"- Cold start to the login window (best of 3, offscreen): {cold:.2f} s (target < 2 s)", ""]
    text = "\n".join(lines)
    print(text)
    out = ROOT / "docs" / "benchmarks" / "store.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
