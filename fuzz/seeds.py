#!/usr/bin/env python3
"""Writes the parse target's seed corpus: every conformance sample, in the layout
fault_fuzz::split_response reads (status line, header lines, blank line, body).

Seeds are made afresh from tests/data on each run (into fuzz/seeds/parse, not committed), so
every sample added there seeds the fuzzer; fuzz/corpus/ holds only what fuzzing found beyond.
"""
import hashlib
import json
import pathlib

root = pathlib.Path(__file__).resolve().parent.parent
out = root / "fuzz" / "seeds" / "parse"
out.mkdir(parents=True, exist_ok=True)

samples = []
for sample in json.loads((root / "tests/data/wire-samples.json").read_text()):
    samples.append((sample["status"], list(sample["headers"].items()), sample["body"]))
for sample in json.loads((root / "tests/data/seed-samples.json").read_text()):
    headers = [("content-type", sample["content_type"])] if sample.get("content_type") else []
    samples.append((sample["status"], headers, sample["body"]))

for status, headers, body in samples:
    data = f"{status}\n".encode()
    data += b"".join(f"{name}: {value}\n".encode() for name, value in headers)
    data += b"\n" + body.encode()
    (out / hashlib.sha1(data).hexdigest()).write_bytes(data)
print(f"{len(samples)} seeds in {out.relative_to(root)}")
