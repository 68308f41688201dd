#!/usr/bin/env python3
"""gen.py — builds the syndication test set from stories.txt.

stories.txt holds, for each agency story, its paragraphs and for each
republication the edits an outlet made (see README.md).  This script applies
the edits and writes what docket would read: one structured-text article per
republication under set/SPLIT/, and the ground truth beside them:

  labels.tsv  SPLIT  FILE  ORDINAL  GROUP  WIRE   one row per passage
  pairs.tsv   SPLIT  FILE_A  ORD_A  FILE_B  ORD_B  the hard different pairs

GROUP is STORY.pN for a paragraph of agency copy, a unique FILE#ORD for a
passage of an outlet's own (a local paragraph, staff reporting), and
"-" for boilerplate (credit lines), which must belong to no group.  WIRE is
the agency an article says it is copy of: a dateline naming it, a credit
line or a byline naming it ("" when it no longer says so, and for staff
articles).  The output is
committed; run `python3 eval/copies/gen.py` after editing stories.txt.
Deterministic: no randomness, no clock.
"""
import os
import re
import sys
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
AGENCY_NAME = {"ap": "Associated Press", "reuters": "Reuters",
               "afp": "Agence France-Presse"}


def parse(path):
    """Return the list of stories: dicts with header fields, paragraphs,
    copies (outlet, date, title, ops) and staff articles."""
    stories, cur, item = [], None, None
    for raw in open(path, encoding="utf-8"):
        line = raw.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("story "):
            sid, split, wire, dateline, date, author = \
                [x.strip() for x in line[6:].split("|")]
            cur = dict(id=sid, split=split, wire=wire, dateline=dateline,
                       date=date, author=author, title="", paras=[],
                       credit=[], copies=[], staff=[])
            stories.append(cur)
            item = None
        elif line.startswith("title: "):
            (item or cur)["title"] = line[7:]
        elif line.startswith("p: "):
            cur["paras"].append(line[3:])
        elif line.startswith("credit: "):
            cur["credit"].append(line[8:])
        elif line.startswith("copy ") or line.startswith("staff "):
            kind, rest = line.split(" ", 1)
            outlet, date, title = [x.strip() for x in rest.split("|")]
            item = dict(outlet=outlet, date=date, title=title, ops=[],
                        paras=[])
            cur["copies" if kind == "copy" else "staff"].append(item)
        elif line.startswith("  - "):
            item["ops"].append(line[4:])
        elif line.startswith("  vs "):
            n, text = line[5:].split(": ", 1)
            item["paras"].append((int(n), text))
        else:
            sys.exit("stories.txt: cannot read line: " + line)
    return stories


def curly(s):
    """Straight quotes to typographic ones (opening after space or start)."""
    s = re.sub(r'(^|[\s(\[—-])"', "\\1\u201c", s)
    s = s.replace('"', "\u201d")
    s = re.sub(r"(^|[\s(\[—-])'", "\\1\u2018", s)
    return s.replace("'", "\u2019")


def straight(s):
    for a, b in (("\u201c", '"'), ("\u201d", '"'), ("\u2018", "'"),
                 ("\u2019", "'")):
        s = s.replace(a, b)
    return s


def last_sentence_cut(s):
    """S without its last sentence (a sentence ends in . ? ! or a closing
    quote after one, before a space)."""
    ends = [m.end() for m in re.finditer(r'[.?!]["\u201d]?(?=\s)', s)]
    return s[:ends[-1]] if ends else s


def apply_ops(story, copy):
    """The paragraphs of one republication: a list of (text, group)."""
    sid = story["id"]
    dl = story["dateline"] + " "
    paras = [[dl + story["paras"][0] if dl.strip() else story["paras"][0],
              sid + ".p1"]]
    paras += [[t, "%s.p%d" % (sid, i + 2)]
              for i, t in enumerate(story["paras"][1:])]
    credit = list(story["credit"])
    style, width, author = None, 0, story["author"]
    for op in copy["ops"]:
        word, _, arg = op.partition(" ")
        if word == "nodateline":
            assert paras[0][0].startswith(dl), sid
            paras[0][0] = paras[0][0][len(dl):]
        elif word == "dateline":
            assert paras[0][0].startswith(dl), sid
            paras[0][0] = arg + " " + paras[0][0][len(dl):]
        elif word in ("curly", "straight"):
            style = word
        elif word == "wrap":
            width = int(arg)
        elif word == "drop":
            grp = "%s.p%s" % (sid, arg)
            paras = [p for p in paras if p[1] != grp]
        elif word == "trim":
            p = find(paras, sid, arg)
            p[0] = last_sentence_cut(p[0])
        elif word == "reword":
            n, rest = arg.split(" ", 1)
            old, new = rest.split(" => ")
            p = find(paras, sid, n)
            assert old in p[0], (sid, old)
            p[0] = p[0].replace(old, new, 1)
        elif word == "insert":
            n, text = arg.split(" ", 1)
            at = paras.index(find(paras, sid, n)) + 1
            paras.insert(at, [text, None])
        elif word == "credit":
            credit = [arg]
        elif word == "nocredit":
            credit = []
        elif word == "byline":
            author = arg
        elif word == "exact":
            pass
        else:
            sys.exit("unknown op: " + op)
    paras += [[c, "-"] for c in credit]
    for p in paras:
        if style == "curly":
            p[0] = curly(p[0])
        elif style == "straight":
            p[0] = straight(p[0])
    return paras, width, author, said_wire(story, paras, credit, author)


def said_wire(story, paras, credit, author):
    """The agency when the republication still says it is agency copy — a
    dateline naming it, a credit line, or a byline naming it — else ""."""
    tag = {"ap": "(AP)", "reuters": "(Reuters)", "afp": "(AFP)"}[story["wire"]]
    names = (AGENCY_NAME[story["wire"]], tag.strip("()"))
    first = paras[0][0][:60] if paras else ""
    if tag in first or credit or any(n in author for n in names):
        return story["wire"]
    return ""


def find(paras, sid, n):
    grp = "%s.p%s" % (sid, n)
    for p in paras:
        if p[1] == grp:
            return p
    sys.exit("no paragraph %s" % grp)


def write_article(split, name, outlet, author, date, title, paras, width):
    """Write one article; returns its path relative to set/SPLIT."""
    d = os.path.join(HERE, "set", split)
    os.makedirs(d, exist_ok=True)
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]
    head = ["title: " + title, "outlet: " + outlet]
    if author:
        head.append("author: " + author)
    head += ["date: " + date,
             "url: https://%s.example/%s/%s" %
             (re.sub(r"[^a-z]", "", outlet.lower()), date.replace("-", "/"),
              slug)]
    body = []
    for text in paras:
        body.append("\n".join(textwrap.wrap(text, width)) if width else text)
    with open(os.path.join(d, name), "w", encoding="utf-8") as f:
        f.write("\n".join(head) + "\n\n" + "\n\n".join(body) + "\n")
    return name


def main():
    stories = parse(os.path.join(HERE, "stories.txt"))
    labels, pairs = [], []
    for s in stories:
        orig = dict(outlet=AGENCY_NAME[s["wire"]], date=s["date"],
                    title=s["title"], ops=["exact"])
        for k, c in enumerate([orig] + s["copies"]):
            paras, width, author, said = apply_ops(s, c)
            name = "%s-%d.txt" % (s["id"], k)
            write_article(s["split"], name, c["outlet"], author, c["date"],
                          c["title"], [p[0] for p in paras], width)
            for i, (_, grp) in enumerate(paras):
                g = grp or "%s#%d" % (name, i + 1)
                labels.append((s["split"], name, i + 1, g, said))
        for k, st in enumerate(s["staff"]):
            name = "%s-staff%d.txt" % (s["id"], k + 1)
            write_article(s["split"], name, st["outlet"],
                          "", st["date"], st["title"],
                          [t for _, t in st["paras"]], 0)
            for i, (vs, _) in enumerate(st["paras"]):
                labels.append((s["split"], name, i + 1,
                               "%s#%d" % (name, i + 1), ""))
                pairs.append((s["split"], name, i + 1, "%s-0.txt" % s["id"],
                              vs))
    with open(os.path.join(HERE, "labels.tsv"), "w") as f:
        f.write("# split\tfile\tordinal\tgroup\twire\n")
        for r in labels:
            f.write("\t".join(str(x) for x in r) + "\n")
    with open(os.path.join(HERE, "pairs.tsv"), "w") as f:
        f.write("# split\tfile_a\tord_a\tfile_b\tord_b\n")
        for r in pairs:
            f.write("\t".join(str(x) for x in r) + "\n")


if __name__ == "__main__":
    main()
