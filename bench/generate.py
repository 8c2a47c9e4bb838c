#!/usr/bin/env python3
"""Generates a realistic UN-wide ledger for benchmarks: every state of data/states.yaml
assessed each year for 25 years, and N payments (CSV and YAML), deterministic for a seed.

Usage: bench/generate.py OUTDIR [PAYMENTS]   (default 1,000,000 payments)
"""
import pathlib
import random
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
out = pathlib.Path(sys.argv[1])
n = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
out.mkdir(parents=True, exist_ok=True)
rng = random.Random(2025)

codes = [line.split("code: ")[1][:3] for line in (ROOT / "data" / "states.yaml").read_text().splitlines()
         if line.startswith("- {code: ")]
years = list(range(2001, 2026))
with open(out / "assessments.yaml", "w") as f:
    for year in years:
        f.write(f"---\nkind: assessments\nyear: {year}\ncurrency: USD\nassessments:\n")
        for code in codes:
            cents = rng.randint(1_000, 50_000_000)
            f.write(f"  - {{state: {code}, amount: {cents // 100}.{cents % 100:02d}}}\n")

rows = []
for i in range(n):
    year = rng.choice(years)
    code = rng.choice(codes)
    cents = rng.randint(100, 2_000_000)
    day = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    named = str(year) if rng.random() < 0.7 else ""
    rows.append((day, code, f"{cents // 100}.{cents % 100:02d}", f"REF-{i:07d}", named))
with open(out / "payments.csv", "w") as f:
    f.write("date,state,amount,currency,reference,year\n")
    for day, code, amount, ref, named in rows:
        f.write(f"{day},{code},{amount},USD,{ref},{named}\n")
with open(out / "payments.yaml", "w") as f:
    f.write("kind: payments\ncurrency: USD\npayments:\n")
    for day, code, amount, ref, named in rows:
        year = f", year: {named}" if named else ""
        f.write(f"  - {{date: {day}, state: {code}, amount: {amount}, reference: {ref}{year}}}\n")
print(f"{out}: {len(codes)} states x {len(years)} years, {n} payments")
