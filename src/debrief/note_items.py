"""Finding the actions, decisions and questions in meeting notes, line by line, with rules.

Each item keeps the 1-based note line it came from. Owners and due dates are taken only from
what the notes say: initials, "I"/"me", or a role ("Director of Strategy", "digital team").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from debrief.months import MONTH

ACTION, DECISION, QUESTION, POINT = "action", "decision", "question", "point"

_BULLET = re.compile(r"^\s*(?:[-*•]\s+)?(?:\[[ xX]\]\s*)?(?:\d+[.)]\s+|[a-z][.)]\s+)?")
_CHECKBOX = re.compile(r"^\s*(?:[-*•]\s+)?\[\s\]\s*")
_ACTION_PREFIX = re.compile(r"^(?:ACTION|ACTIONS|AP|TODO|TO DO)\s*[:\-–]\s*", re.IGNORECASE)
_DECISION_PREFIX = re.compile(r"^(?:decision|decisions|decided|agreed|resolved)\s*[:\-–]\s*", re.IGNORECASE)
_QUESTION_PREFIX = re.compile(r"^Q\s*[:.]\s*(?:\(from me\)\s*)?", re.IGNORECASE)
_ASK_MENTOR = re.compile(r"\bask (?:my )?mentor (?:re|about)\s+(?P<q>.+)$", re.IGNORECASE)
_OWNER_LINE = re.compile(
    r"^owner\s*:\s*(?P<owner>[^,;–-]+?)\s*,\s*due\s+(?P<due>[^–\-;]+?)\s*"
    r"[–\-;]\s*(?P<text>.+)$",
    re.IGNORECASE,
)
_AGREED_THAT = re.compile(r"^agreed that\s+(?P<rest>.+\bwill\b.+)$", re.IGNORECASE)
_DECISION_WORDS = re.compile(
    r"\b(approved|signed off|ratified|decided|agreed to|agreed with|chose to|endorsed the)\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[.?!])\s+")
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|(?<!\w)'[^']*'(?!\w)")
_HEADING = re.compile(r"^\s*(?:#{1,6}\s+(?P<md>.+?)\s*#*|\*\*(?P<bold>[^*]+)\*\*\s*:?)\s*$")
_META = re.compile(
    r"^\s*(?:[-*]\s*)?\**(?:date|chair|present|apologies|attendees|in attendance|next meeting|"
    r"next board|written)\b[^.:]{0,20}(?::|\*\*)",
    re.IGNORECASE,
)
ROLE_WORDS = frozenset(
    """lead leads team teams director directors manager managers chair head geriatrician
    clinician clinicians nurse nurses pharmacist pharmacists practice practices officer officers
    gp gps secretary partners administrator coordinator consultant consultants analyst me""".split()
)
_ROLE_START = re.compile(r"^(?:director|head|chief|deputy)\s+of\b|^chief\b", re.IGNORECASE)
_INITIALS = re.compile(r"^[A-Z]{2,3}$")

_WEEKDAY = (
    r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:s|nesday)?|thu(?:r(?:s(?:day)?)?)?|"
    r"fri(?:day)?|sat(?:urday)?|sun(?:day)?)"
)
_DATEISH = (
    rf"(?:(?:the\s+)?end\s+of\s+(?:the\s+)?(?:{MONTH}|week|month|year|quarter|q[1-4])|"
    rf"{_WEEKDAY}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH})?|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}(?:\s+\d{{4}})?|"
    rf"\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?|{MONTH}(?:\s+\d{{4}})?|"
    r"q[1-4]|asap|tomorrow|today|next\s+week|this\s+week|next\s+month)"
)
_DUE_RULES = [
    re.compile(r"\bdue\s+(?P<due>(?:before\s+)?[^.;!?–,]+?)\s*(?:[.;!?–,]|$)", re.IGNORECASE),
    re.compile(rf"\bby\s+(?P<due>{_DATEISH})\b", re.IGNORECASE),
    re.compile(rf"\bbefore\s+(?P<bare>{_WEEKDAY}|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH})\b", re.IGNORECASE),
    re.compile(r"\b(?P<due>before\s+(?:the|our|next)\s+[^.;!?,]+?)\s*(?:[.;!?,]|$)", re.IGNORECASE),
    re.compile(r"\b(?P<due>within\s+\d+\s+\w+)", re.IGNORECASE),
    re.compile(rf"\bto\s+(?P<due>the\s+{MONTH}\s+(?:meeting|board))\b", re.IGNORECASE),
    re.compile(r"\b(?P<due>next time|this week|next week|asap|tomorrow|end of the week)\b", re.IGNORECASE),
]


@dataclass
class Item:
    kind: str
    text: str
    lines: list[int]
    owner: str | None = None
    due: str | None = None
    heading: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def find_due(text: str) -> str | None:
    """The due date as written ("28 Feb", "before the March meeting"), if the text gives one."""
    for rule in _DUE_RULES:
        found = rule.search(text)
        if found:
            due = found.groupdict().get("due") or found.group("bare")
            return due.strip().rstrip("!.")
    return None


def find_owner(clause: str, initials: frozenset[str], known_terms) -> str | None:
    """Who the clause says will act: "GH to …", "I will …", "Director of Strategy to …"."""
    found = re.match(r"^(?P<who>.+?)\s+(?:to|will|should|must)\s+(?P<verb>[a-z]+)\b", clause)
    if not found or found.group("verb") in ("be", "been", "have", "go"):
        return None
    who = re.sub(r"^(?:the|and)\s+", "", found.group("who").strip(" -–:"), flags=re.I)
    words = who.split()
    if not words or len(words) > 5 * (who.count(" and ") + 1):
        return None
    if who in ("I", "me"):
        return "me"
    people = [w for w in re.split(r"\s+and\s+", who)]
    if all(_INITIALS.match(p) and (p in initials or not known_terms(p)) for p in people):
        return who
    if _ROLE_START.match(who) or words[-1].lower().rstrip(",") in ROLE_WORDS:
        if who[:1].isupper() or words[0].lower() in ("each", "all", "our", "every"):
            return who
        if words[-1].lower() in ROLE_WORDS and len(words) <= 3:
            return who
    return None


def _leading_owner(text: str, initials: frozenset[str], known_terms) -> str | None:
    """On a line marked as an action, "GH check whether …" names GH even without "to"."""
    first = text.split()[0] if text.split() else ""
    if _INITIALS.match(first) and (first in initials or not known_terms(first)):
        return first
    if first in ("I",):
        return "me"
    return None


def _clean(text: str) -> str:
    text = re.sub(r"\?{2,}", "?", text)
    text = re.sub(r"!{2,}$", "", text)
    return text.strip(" -–:*")


def heading_of(line: str) -> str | None:
    found = _HEADING.match(line)
    if found:
        return (found.group("md") or found.group("bold") or "").strip(" :*")
    stripped = line.strip()
    if stripped and stripped.isupper() and len(stripped.split()) <= 4 and stripped.isalpha():
        return stripped.title()  # "TO DO"
    return None


def classify_notes(
    notes: str, initials: frozenset[str] = frozenset(), known_terms=lambda word: False
) -> list[Item]:
    """Every action, decision, question and discussed point, in note order."""
    items: list[Item] = []
    heading = ""
    title_seen = False
    for number, raw in enumerate(notes.splitlines(), start=1):
        if not raw.strip():
            continue
        found_heading = heading_of(raw)
        if found_heading is not None:
            if not title_seen and raw.lstrip().startswith("# "):
                title_seen = True
            else:
                heading = found_heading
            continue
        if _META.match(raw):
            continue
        checkbox = bool(_CHECKBOX.match(raw))
        line = _BULLET.sub("", raw, count=1).strip()
        found = _classify_line(line, number, heading, checkbox, initials, known_terms)
        items.extend(i for i in found if any(c.isalnum() for c in i.text))  # not "-- - -"
    return items


def _classify_line(line, number, heading, checkbox, initials, known_terms) -> list[Item]:
    def item(kind, text, owner=None, due=None):
        return Item(kind, _clean(text), [number], owner, due, heading)

    owner_line = _OWNER_LINE.match(line)
    if owner_line:
        return [
            item(
                ACTION,
                owner_line.group("text"),
                owner_line.group("owner").strip(),
                owner_line.group("due").strip(),
            )
        ]
    prefix = _ACTION_PREFIX.match(line)
    if prefix or checkbox or heading.lower() in ("to do", "todo", "actions"):
        text = line[prefix.end() :] if prefix else line
        owner = find_owner(text, initials, known_terms) or _leading_owner(text, initials, known_terms)
        return [item(ACTION, text, owner, find_due(text))]
    question = _QUESTION_PREFIX.match(line)
    if question:
        text = line[question.end() :]
        return [item(QUESTION, text.split("?")[0] + "?" if "?" in text else text)]
    ask = _ASK_MENTOR.search(line)
    if ask and "?" not in line:
        return [item(QUESTION, ask.group("q"))]
    agreed_that = _AGREED_THAT.match(line)
    if agreed_that:
        rest = agreed_that.group("rest")
        return [item(ACTION, rest, find_owner(rest, initials, known_terms), find_due(rest))]
    decision = _DECISION_PREFIX.match(line)
    if decision:
        return _decision_with_actions(line[decision.end() :], item, initials, known_terms)
    out: list[Item] = []
    for sentence in _SENTENCE.split(line):
        out.extend(_classify_sentence(sentence, item, initials, known_terms))
    return out


def _decision_with_actions(text, item, initials, known_terms) -> list[Item]:
    """ "practices will sign up as one PCN; each practice to confirm by …": a decision, then an
    action."""
    decided: list[str] = []
    actions = []
    for clause in (c.strip() for c in text.split(";")):
        owner = find_owner(clause, initials, known_terms) if decided else None
        if owner:
            actions.append(item(ACTION, clause, owner, find_due(clause)))
        elif clause:
            decided.append(clause)
    parts = [item(DECISION, "; ".join(decided))] if decided else []
    return parts + actions


def _classify_sentence(sentence, item, initials, known_terms) -> list[Item]:
    sentence = sentence.strip()
    if not sentence:
        return []
    unquoted = _QUOTED.sub("", sentence)
    if "?" in unquoted:
        return [item(QUESTION, sentence[: sentence.rfind("?") + 1])]
    out = []
    clauses = [c.strip() for c in re.split(r";\s+", sentence) if c.strip()]
    for clause in clauses:
        # "Locum invoices … – GH to chase": the owner is after the dash, the action is the clause.
        for part in (p.strip() for p in re.split(r"\s+–\s+", clause)):
            owner = find_owner(part, initials, known_terms)
            if owner:
                return [item(ACTION, clause, owner, find_due(part))]
    for clause in clauses:
        if _DECISION_WORDS.search(clause) and not re.search(r"\bbeing agreed\b", clause, re.I):
            out.append(item(DECISION, clause))
            return out
    if len(sentence.split()) >= 3:
        return [item(POINT, sentence)]
    return []
