#!/usr/bin/env python3
"""Registers the sample partnerships of data/sample-partnerships.json on a running system, as each
region's own officer would: one RegisterExistingAgreement per partnership through the gateway, with a
request id, so running it again registers nothing twice. Then prints DKI Jakarta's partners.

Usage: scripts/import-sample-partnerships.py [--gateway URL] [--identity URL] [--file PATH]
Defaults: the gateway at http://127.0.0.1:8080 and the development identity provider at
http://127.0.0.1:18887, as ./run.sh starts them."""
import argparse
import datetime
import json
import pathlib
import sys
import urllib.error
import urllib.parse
import urllib.request


def request(method, url, body=None, token=None, form=None):
    data = None
    headers = {}
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    elif body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    if token:
        headers["Authorization"] = f"Bearer {token}"
    req = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        text = error.read().decode(errors="replace")
        try:
            return error.code, json.loads(text)
        except ValueError:
            return error.code, {"message": text}


def main():
    root = pathlib.Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gateway", default="http://127.0.0.1:8080")
    parser.add_argument("--identity", default="http://127.0.0.1:18887")
    parser.add_argument("--file", default=str(root / "data" / "sample-partnerships.json"))
    args = parser.parse_args()

    sample = json.loads(pathlib.Path(args.file).read_text(encoding="utf-8"))
    tokens = {}
    started = datetime.datetime.now(datetime.timezone.utc)
    registered = existing = failed = 0
    for entry in sample["partnerships"]:
        region = entry["region"]
        if region not in tokens:
            status, answer = request("POST", f"{args.identity}/connect/token", form={"role": "regional-officer", "region": region})
            if status != 200:
                sys.exit(f"error: the identity provider at {args.identity} refused a token for region {region}: {answer}")
            tokens[region] = answer["access_token"]
        body = {
            "agreement": entry["agreement"],
            "instruments": entry["instruments"],
            "source": entry["source"],
            "requestId": f"sample-{entry['key']}",
        }
        status, answer = request("POST", f"{args.gateway}/api/v1/agreements:registerExisting", body, tokens[region])
        created = answer.get("createTime", "") if status == 200 else ""
        if status == 200 and datetime.datetime.fromisoformat(created.replace("Z", "+00:00")) >= started:
            registered += 1
            print(f"registered  {entry['agreement']['title']}: {answer.get('status')} {answer.get('id')}")
        elif status == 200:
            # The same request id: a run before this one registered it.
            existing += 1
            print(f"already on record  {entry['agreement']['title']}: {answer.get('status')} {answer.get('id')}")
        elif status == 409:
            # ALREADY_EXISTS: the pair already has an active agreement of this kind (registered before, or signed here).
            existing += 1
            print(f"already on record  {entry['agreement']['title']}: {answer.get('message')}")
        else:
            failed += 1
            print(f"refused  {entry['agreement']['title']}: {status} {answer.get('message')}", file=sys.stderr)

    query = urllib.parse.urlencode({"filter": 'region = "31" AND status = ACTIVE', "pageSize": 100})
    status, answer = request("GET", f"{args.gateway}/api/v1/agreements?{query}")
    partners = sorted({p["name"] for a in answer.get("agreements", []) for p in a.get("foreignParties", [])})
    print(f"\nDKI Jakarta's active partners ({len(partners)}): {', '.join(partners)}")
    print(f"{registered} registered, {existing} already on record, {failed} refused")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
