#!/usr/bin/env python3
"""Sums the results of every .trx file given and prints one closing line: 'N passed, N failed, N skipped'.
Exits non-zero when a test failed or when no test ran."""
import sys
import xml.etree.ElementTree as ET

ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    except (ET.ParseError, FileNotFoundError):
        print(f"unreadable results: {path}")
        failed += 1
        continue
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped += int(counters.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed == 0 else 0)
