#!/usr/bin/env python3
"""Writes the bad-input corpus (files + cases.json) next to this script. Re-run after editing; the output is checked in.

Each case is one file, imported four times by ImportCorpusTests: CLI and HTTP, all-or-nothing and quarantine.
Expectations per mode: exit code (CLI) and status (HTTP) follow from "outcome" (done: 0/200, rejected: 1/422);
"message" must appear in the CLI's stderr and in the HTTP problem; "line"/"column" locate the first error;
"good" lists the external ids (or org codes) a successful run writes - counted in SQL, everything else unchanged.
"""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))
cases = []
R_HEADER = "external_id,responded_at,unit_code,channel,journey_stage,segment,nps,csat,comment"
I_HEADER = "external_id,customer_key,opened_at,first_response_at,unit_code,channel,journey_stage,segment,resolved_first_contact"
O_HEADER = "code,name,kind,parent_code"

def write(path, data):
    full = os.path.join(HERE, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))

def resp(i, when="2026-05-10T10:00:00Z", unit="BASE-TEAM", nps="9", csat="5", comment="fine"):
    return f"c-{i},{when},{unit},phone,service,consumer,{nps},{csat},{comment}"

def case(name, kind, path, data, all_mode, quarantine, cli_args=None, query=None, note=""):
    write(path, data)
    c = {"name": name, "kind": kind, "file": path, "note": note, "allOrNothing": all_mode, "quarantine": quarantine}
    if cli_args: c["cliArgs"] = cli_args
    if query: c["query"] = query
    cases.append(c)

def rejected(message, line=None, column=None, field=None):
    e = {"outcome": "rejected", "message": message}
    if line is not None: e["line"] = line
    if column is not None: e["column"] = column
    if field is not None: e["field"] = field
    return e

def done(good, message=None, rejected_rows=0, stored=None):
    e = {"outcome": "done", "good": good, "rejectedRows": rejected_rows}
    if message: e["message"] = message
    if stored: e["stored"] = stored
    return e

# --- 1. implausible dates (issue 13.1) ---
for tag, when in [("9999", "9999-12-31T23:59:59Z"), ("1900", "1900-01-01T00:00:00Z"), ("0001", "0001-01-01T00:00:00Z"),
                  ("2099", "2099-06-01T00:00:00+02:00")]:
    ids = [f"d{tag}-1", f"d{tag}-2", f"d{tag}-3"]
    body = "\n".join([R_HEADER, resp(ids[0]), resp(ids[1], when=when), resp(ids[2])]) + "\n"
    case(f"responses dated {when}", "responses", f"responses/date-{tag}.csv", body,
         rejected("outside the plausible date window 2000-01-01 to", 3, 2, "responded_at"),
         done([f"c-{ids[0]}", f"c-{ids[2]}"], "outside the plausible date window", 1))
jl = [json.dumps({"external_id": "c-jd-1", "responded_at": "2026-05-11T10:00:00Z", "unit_code": "BASE-TEAM", "channel": "app",
                  "journey_stage": "usage", "segment": "consumer", "csat": 4}),
      json.dumps({"external_id": "c-jd-2", "responded_at": "9999-12-31T23:59:59Z", "unit_code": "BASE-TEAM", "channel": "app",
                  "journey_stage": "usage", "segment": "consumer", "csat": 4})]
case("json lines dated 9999", "responses", "responses/date-9999.jsonl", "\n".join(jl) + "\n",
     rejected("outside the plausible date window", 2, 43, "responded_at"), done(["c-jd-1"], rejected_rows=1))
ib = "\n".join([I_HEADER,
                "c-i1,k1,2026-05-10T08:00:00Z,2026-05-10T08:00:30Z,BASE-TEAM,phone,service,consumer,true",
                "c-i2,k2,9999-12-31T23:59:59Z,,BASE-TEAM,phone,service,consumer,false",
                "c-i3,k3,2026-05-10T09:00:00Z,2026-05-10T08:00:00Z,BASE-TEAM,phone,service,consumer,false"]) + "\n"
case("interactions dated 9999 and answered before opened", "interactions", "interactions/date-9999.csv", ib,
     rejected("outside the plausible date window", 3, 3, "opened_at"), done(["c-i1"], rejected_rows=2))
# 121 months without a partition (2001-01 ... 2011-01): more than one import may create (120 by default).
rows = [R_HEADER] + [resp(f"m{m}", when=f"{2001 + m // 12}-{m % 12 + 1:02d}-15T12:00:00Z") for m in range(121)]
case("rows in 121 months without a partition", "responses", "responses/too-many-months.csv", "\n".join(rows) + "\n",
     rejected("one import may add at most 120 (setting Imports:MaxNewPartitions)", 1),
     rejected("one import may add at most 120", 1))
case("a day that does not exist", "responses", "responses/impossible-day.csv",
     "\n".join([R_HEADER, resp("x1"), resp("x2", when="2026-02-30T10:00:00+01:00")]) + "\n",
     rejected("the day 2026-02-30 does not exist (February 2026 has 28 days)", 3, 2, "responded_at"),
     done(["c-x1"], rejected_rows=1))

# --- 2. encodings (issue 13.2) ---
latin = "\n".join([R_HEADER, resp("l1", comment="plain"), resp("l2", comment="café crème")]) + "\n"
case("a Latin-1 file read as UTF-8", "responses", "responses/latin1.csv", latin.encode("latin-1"),
     rejected("invalid UTF-8 (byte 0xE9)", 3, 9, "comment"), done(["c-l1"], rejected_rows=1))
case("the same Latin-1 file with its encoding named", "responses", "responses/latin1-named.csv",
     latin.replace("c-l", "c-ln").encode("latin-1"), done(["c-ln1", "c-ln2"], stored={"c-ln2": "café crème"}),
     done(["c-ln1", "c-ln2"], stored={"c-ln2": "café crème"}), cli_args=["--encoding", "latin1"], query="encoding=latin1")
case("a 0xFF byte in a comment", "responses", "responses/byte-ff.csv",
     ("\n".join([R_HEADER, resp("f1"), resp("f2", comment="bad")]) + "\n").encode().replace(b"bad", b"b\xffd"),
     rejected("invalid UTF-8 (byte 0xFF)", 3, 9, "comment"), done(["c-f1"], rejected_rows=1))
jlat = (json.dumps({"external_id": "c-jl1", "responded_at": "2026-05-11T10:00:00Z", "unit_code": "BASE-TEAM", "channel": "app",
                    "journey_stage": "usage", "segment": "consumer", "csat": 4, "comment": "café"}, ensure_ascii=False) + "\n")
case("a Latin-1 JSON line read as UTF-8", "responses", "responses/latin1.jsonl", jlat.encode("latin-1"),
     rejected("invalid UTF-8 (byte 0xE9)", 1, 185, "comment"), done([], rejected_rows=1))
case("a Latin-1 JSON line with its encoding named", "responses", "responses/latin1-named.jsonl", jlat.replace("c-jl1", "c-jln1").encode("latin-1"),
     done(["c-jln1"], stored={"c-jln1": "café"}), done(["c-jln1"], stored={"c-jln1": "café"}), cli_args=["--encoding", "latin1"], query="encoding=latin1")

# --- 3. quoting that would swallow the file (issue 13.3) ---
rows = [R_HEADER] + [resp(f"q{i}") for i in range(1, 301)]
rows[4] = resp("q4", comment='"never closed')
case("an unterminated quote on line 5 of 300 rows", "responses", "responses/unterminated-quote.csv", "\n".join(rows) + "\n",
     rejected("a quoted field opened here is never closed", 5, 9, "comment"),
     rejected("a quoted field opened here is never closed", 5, 9, "comment"))
rows = [R_HEADER] + [resp(f"w{i}") for i in range(1, 301)]
rows[3] = resp("w3", comment='"opens here')
rows[160] = resp("w160", comment='closes here"')
case("a quoted field running over 100 lines", "responses", "responses/quote-over-limit.csv", "\n".join(rows) + "\n",
     rejected("a quoted field opened here runs over", 4, 9, "comment"), rejected("runs over", 4, 9, "comment"))
case("a stray quote inside a field (one bad row)", "responses", "responses/stray-quote.csv",
     "\n".join([R_HEADER, resp("s1"), resp("s2", comment='say "hi"'), resp("s3")]) + "\n",
     rejected("malformed CSV", 3), done(["c-s1", "c-s3"], rejected_rows=1))
case("a quoted comment over three lines is one row", "responses", "responses/multiline-comment.csv",
     "\n".join([R_HEADER, resp("ml1", comment='"first line\nsecond line\nthird line"'), resp("ml2")]) + "\n",
     done(["c-ml1", "c-ml2"], stored={"c-ml1": "first line\nsecond line\nthird line"}),
     done(["c-ml1", "c-ml2"]))

# --- 6. empty files, same rule for both formats ---
case("an empty CSV", "responses", "responses/empty.csv", b"", rejected("the file is empty", 1), rejected("the file is empty", 1))
case("an empty JSON lines file", "responses", "responses/empty.jsonl", b"", rejected("the file is empty", 1), rejected("the file is empty", 1))
case("a CSV with only its header", "responses", "responses/header-only.csv", R_HEADER + "\n",
     rejected("no data rows", 1), rejected("no data rows", 1))
case("a JSON lines file of blank lines", "responses", "responses/blank.jsonl", "\n \n\n", rejected("the file is empty", 1), rejected("the file is empty", 1))

# --- 6. JSON messages ---
good = json.dumps({"external_id": "c-js1", "responded_at": "2026-05-11T10:00:00Z", "unit_code": "BASE-TEAM", "channel": "app",
                   "journey_stage": "usage", "segment": "consumer", "csat": 4})
case("a JSON syntax error", "responses", "responses/json-syntax.jsonl",
     good + "\n" + good.replace("c-js1", "c-js2") + "\n" + '{"external_id": "c-js3", "csat": 4 "segment": "consumer"}' + "\n",
     rejected("malformed JSON at line 3, column 36: '\"' is invalid after a value", 3, 36), done(["c-js1", "c-js2"], rejected_rows=1))
case("a trailing comma in a JSON object", "responses", "responses/json-trailing-comma.jsonl",
     good.replace("c-js1", "c-jt1") + "\n" + good.replace("c-js1", "c-jt2")[:-1] + ",}\n",
     rejected("malformed JSON at line 2, column 169: the object ends with a trailing comma", 2, 169), done(["c-jt1"], rejected_rows=1))
case("a nested JSON value", "responses", "responses/json-nested.jsonl",
     good.replace("c-js1", "c-jn1") + "\n" + good.replace("c-js1", "c-jn2").replace('"csat": 4', '"csat": {"value": 4}') + "\n",
     rejected("expected a string, number, boolean or null, found an object", 2, 167, "csat"), done(["c-jn1"], rejected_rows=1))
case("a JSON array instead of an object", "responses", "responses/json-array.jsonl", "[1, 2]\n" + good.replace("c-js1", "c-ja2") + "\n",
     rejected("expected a JSON object on each line", 1, 1), done(["c-ja2"], rejected_rows=1))

# --- checks that held before (kept) ---
case("unknown unit, bad score, unknown channel", "responses", "responses/row-errors.csv",
     "\n".join([R_HEADER, resp("r1", unit="NOPE"), resp("r2", nps="11"), resp("r3").replace("phone", "pigeon"), resp("r4")]) + "\n",
     rejected("unknown unit code 'NOPE'", 2, 3, "unit_code"), done(["c-r4"], rejected_rows=3))
case("a duplicate external id", "responses", "responses/duplicate-id.csv",
     "\n".join([R_HEADER, resp("u1"), resp("u1", nps="3")]) + "\n",
     rejected("duplicate external id 'c-u1'", 2, 1, "external_id"), done(["c-u1"], rejected_rows=1))
case("a missing required column", "responses", "responses/missing-column.csv",
     R_HEADER.replace(",segment", "") + "\nc-mc1,2026-05-10T10:00:00Z,BASE-TEAM,phone,service,9,5,ok\n",
     rejected("missing required column 'segment'", 1), rejected("missing required column 'segment'", 1))
case("an unknown column", "responses", "responses/unknown-column.csv",
     R_HEADER + ",mood\n" + resp("uc1") + ",happy\n", rejected("unknown column", 1, 10, "mood"), rejected("unknown column", 1, 10, "mood"))
case("a row with too many fields", "responses", "responses/field-count.csv",
     "\n".join([R_HEADER, resp("fc1"), resp("fc2") + ",extra"]) + "\n",
     rejected("expected 9 fields as in the header, found 10", 3), done(["c-fc1"], rejected_rows=1))
case("a NUL character", "responses", "responses/nul.csv",
     ("\n".join([R_HEADER, resp("n1"), resp("n2", comment="a\x00b")]) + "\n").encode(),
     rejected("contains a NUL character", 3, 9, "comment"), done(["c-n1"], rejected_rows=1))
case("a timestamp without offset", "responses", "responses/zoneless.csv",
     "\n".join([R_HEADER, resp("z1"), resp("z2", when="2026-05-10T10:00:00")]) + "\n",
     rejected("not an ISO 8601 timestamp with offset", 3, 2, "responded_at"), done(["c-z1"], rejected_rows=1))
case("a response without any score", "responses", "responses/no-score.csv",
     "\n".join([R_HEADER, resp("ns1"), resp("ns2", nps="", csat="")]) + "\n",
     rejected("at least one score", 3), done(["c-ns1"], rejected_rows=1))

# --- 4./5. the org tree ---
case("a cycle A <-> B next to a valid unit", "org-units", "org-units/cycle.csv",
     "\n".join([O_HEADER, "CX-A,A,department,CX-B", "CX-B,B,department,CX-A", "CX-C,C,department,BASE-DIV",
                "CX-A1,A1,team,CX-A", "CX-C1,C1,team,CX-C"]) + "\n",
     rejected("would make a cycle", 2, 4, "parent_code"), done(["CX-C", "CX-C1"], "parent 'CX-A' rejected at line 2", 3))
case("a second company and a team without a parent", "org-units", "org-units/second-root.csv",
     "\n".join([O_HEADER, "CX-CO2,Other company,company,", "CX-LONE,Lonely team,team,", "CX-D,D,department,BASE-DIV",
                "CX-UNDER2,Under the second,team,CX-CO2"]) + "\n",
     rejected("a second root: the company is already 'BASE-CO' (stored)", 2, 3, "kind"),
     done(["CX-D"], "a team needs a parent_code", 3))
case("a child of a row with a bad value", "org-units", "org-units/child-of-bad-row.csv",
     "\n".join([O_HEADER, "CX-BAD,Bad,galaxy,BASE-DIV", "CX-KID,Kid,team,CX-BAD", "CX-OK,Ok,department,BASE-DIV"]) + "\n",
     rejected("'galaxy' is not one of", 2, 3, "kind"), done(["CX-OK"], "parent 'CX-BAD' rejected at line 2", 2))
case("an unknown parent", "org-units", "org-units/unknown-parent.csv",
     "\n".join([O_HEADER, "CX-U1,U1,team,NOWHERE", "CX-U2,U2,team,BASE-DIV"]) + "\n",
     rejected("unknown parent code 'NOWHERE'", 2, 4, "parent_code"), done(["CX-U2"], rejected_rows=1))
case("a company with a parent", "org-units", "org-units/company-with-parent.csv",
     "\n".join([O_HEADER, "CX-CP,Company below,company,BASE-DIV", "CX-OK2,Ok,department,BASE-DIV"]) + "\n",
     rejected("the company is the root of the tree and has no parent", 2, 4, "parent_code"), done(["CX-OK2"], rejected_rows=1))
case("an empty org file", "org-units", "org-units/empty.csv", b"", rejected("the file is empty", 1), rejected("the file is empty", 1))

with open(os.path.join(HERE, "cases.json"), "w", encoding="utf-8") as f:
    json.dump(cases, f, indent=1, ensure_ascii=False)
    f.write("\n")
print(f"{len(cases)} cases")
