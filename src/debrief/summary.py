"""The debrief: from a meeting's notes to what was discussed, decided, owed and meant.

Rule-based and deterministic: the same notes always give the same debrief, offline.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from itertools import islice

from rapidfuzz import fuzz

from debrief.due_dates import resolve_due
from debrief.glossary import Entry, Glossary
from debrief.matcher import FUZZY, UNKNOWN, JargonMatcher, Match
from debrief.meeting import Meeting
from debrief.note_items import ACTION, DECISION, POINT, QUESTION, Item, classify_notes
from debrief.notes_file import find_date
from debrief.readability import reading_grade


@dataclass
class TermExplained:
    id: str
    term: str
    expansion: str
    plain: str
    count: int
    replaced_by: str | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "term": self.term,
            "expansion": self.expansion,
            "plain": self.plain,
            "count": self.count,
        }


@dataclass
class Debrief:
    title: str
    date: str
    kind: str
    attendees: list[str]
    discussed: list[Item] = field(default_factory=list)
    decisions: list[Item] = field(default_factory=list)
    actions: list[Item] = field(default_factory=list)
    questions: list[Item] = field(default_factory=list)
    terms: list[TermExplained] = field(default_factory=list)
    reflection: str = ""
    prompts: list[str] = field(default_factory=list)
    readability: dict[str, float] = field(default_factory=dict)
    status: str = "draft"

    def to_json(self) -> dict[str, object]:
        def item(i: Item, *keys: str) -> dict[str, object]:
            out: dict[str, object] = {"text": i.text, "lines": i.lines}
            for key in keys:
                out[key] = i.extra.get(key) if key in ("due_date", "source") else getattr(i, key)
            return out

        return {
            "title": self.title,
            "date": self.date,
            "kind": self.kind,
            "attendees": self.attendees,
            "discussed": [item(i, "heading") for i in self.discussed],
            "decisions": [item(i) for i in self.decisions],
            "actions": [item(i, "owner", "due", "due_date") for i in self.actions],
            "questions": [item(i, "source") for i in self.questions],
            "terms": [t.to_json() for t in self.terms],
            "reflection": self.reflection or "\n".join(self.prompts),
            "readability": self.readability,
        }


def build_debrief(
    meeting: Meeting,
    glossary: Glossary,
    matcher: JargonMatcher | None = None,
    *,
    readability: bool = True,
) -> Debrief:
    """The debrief of one meeting (see DESIGN.md: sections in the order mentors ask)."""
    matcher = matcher or JargonMatcher(glossary)
    initials = frozenset(meeting.initials)
    items = classify_notes(meeting.notes, initials, lambda w: bool(glossary.senses(w)))
    matches = matcher.find(meeting.notes, meeting.initials)
    chosen = _chosen_senses(matches, meeting, glossary)
    debrief = Debrief(
        title=meeting.title,
        date=meeting.date,
        kind=meeting.kind,
        attendees=[a.label() for a in meeting.attendees],
        status=meeting.status,
    )
    top = list(islice((n for n, line in enumerate(meeting.notes.splitlines(), 1) if line.strip()), 3))
    for found in items:
        if found.kind == ACTION:
            due_date = resolve_due(found.due, meeting.date)
            if due_date:
                found.extra["due_date"] = due_date
            debrief.actions.append(found)
        elif found.kind == DECISION:
            debrief.decisions.append(found)
        elif found.kind == QUESTION:
            found.extra["source"] = "note"
            debrief.questions.append(found)
        elif found.kind == POINT and not _is_heading_line(found, meeting, top):
            debrief.discussed.append(found)
    debrief.questions.extend(_unknown_term_questions(meeting.notes, matches))
    debrief.terms = _terms_met(matches, chosen, glossary)
    debrief.reflection = meeting.reflection.strip()
    if not debrief.reflection:
        debrief.prompts = reflection_prompts(debrief)
    _spell_out_first_uses(debrief, matcher, meeting, chosen)
    if not readability:  # callers that only need the items skip the (slow to load) grading
        return debrief
    debrief.readability = {
        "notes": round(reading_grade(meeting.notes), 1),
        "debrief": round(reading_grade(debrief_text(debrief)), 1),
    }
    return debrief


def _chosen_senses(matches: list[Match], meeting: Meeting, glossary: Glossary) -> dict[int, Entry]:
    """The sense of each match: the meeting's remembered choice, else the best in context."""
    chosen: dict[int, Entry] = {}
    for m in matches:
        if not m.senses:
            continue
        picked = meeting.senses.get(m.senses[0].term)
        entry = glossary.get(picked) if picked else None
        chosen[m.start] = entry if entry in m.senses else m.senses[0]
    return chosen


def _terms_met(matches, chosen, glossary) -> list[TermExplained]:
    counts: Counter[str] = Counter()
    order: list[Entry] = []
    for m in matches:
        entry = chosen.get(m.start)
        if entry is None or entry.well_known:
            continue
        if entry.id not in counts:
            order.append(entry)
        counts[entry.id] += 1
    out = []
    for entry in order:
        replaced = glossary.get(entry.replaced_by) if entry.replaced_by else None
        plain = entry.plain
        if entry.historical and replaced and replaced.term not in plain:
            plain += f" It has been replaced by {replaced.term} ({replaced.expansion})."
        out.append(
            TermExplained(
                entry.id,
                entry.term,
                entry.expansion,
                plain,
                counts[entry.id],
                replaced.term if replaced else None,
            )
        )
    return out


def _unknown_term_questions(notes: str, matches: list[Match]) -> list[Item]:
    seen: dict[str, Item] = {}
    breaks: list[int] | None = None
    for m in matches:
        if m.kind != UNKNOWN:
            continue
        word = m.surface[:-1] if m.surface.endswith("s") and m.surface[:-1].isupper() else m.surface
        if breaks is None:  # line numbers by bisection: counting from the top each time was quadratic
            breaks = [found.start() for found in re.finditer("\n", notes)]
        line = bisect_left(breaks, m.start) + 1
        if word in seen:
            seen[word].lines.append(line)
        else:
            seen[word] = Item(
                QUESTION, f"What does {word} mean here?", [line], extra={"source": "unknown-term"}
            )
    return list(seen.values())


def reflection_prompts(debrief: Debrief) -> list[str]:
    """Three prompts built from the meeting when the user has not written a reflection."""
    prompts = []
    mine = [a for a in debrief.actions if a.owner == "me"] or debrief.actions
    if mine:
        prompts.append(f"What will “{_short(mine[0].text)}” ask of you and your team, and by when?")
    else:
        prompts.append("Was anything agreed that you need to act on, or tell your practices about?")
    if debrief.terms:
        top = max(debrief.terms, key=lambda t: t.count)
        prompts.append(f"How does {top.expansion} affect your practices and patients?")
    else:
        prompts.append("Which part of the meeting matters most for your patients?")
    questions = [q for q in debrief.questions if q.extra.get("source") == "note"]
    if questions:
        prompts.append(f"What will you ask your mentor first? Perhaps: “{_short(questions[0].text)}”")
    else:
        prompts.append("What would you like your mentor to help you understand next time?")
    return prompts


def _short(text: str, words: int = 14) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def _spell_out_first_uses(debrief: Debrief, matcher, meeting, chosen) -> None:
    """Every term is spelt out where the debrief first uses it, in the sense the notes' context
    gave it; typos of terms are corrected."""
    seen: set[str] = set()
    line_starts = [0]
    for line in meeting.notes.splitlines(keepends=True):
        line_starts.append(line_starts[-1] + len(line))
    starts = sorted(chosen)  # where each term starts in the notes, to find an item's in log time
    for section in (debrief.discussed, debrief.decisions, debrief.actions, debrief.questions):
        for found in section:
            senses: dict[int, Entry] = {}
            if found.lines and found.lines[0] <= len(line_starts) - 1:
                start = line_starts[found.lines[0] - 1]
                line = meeting.notes[start : line_starts[found.lines[0]]]
                at = line.find(found.text)
                if at >= 0:  # the item is the line's own text: reuse the notes' senses
                    offset = start + at
                    first = bisect_left(starts, offset)
                    last = bisect_left(starts, offset + len(found.text))
                    senses = {k - offset: chosen[k] for k in starts[first:last]}
            found.text = explain_terms(found.text, matcher, seen, meeting.initials, senses)


def explain_terms(
    text: str, matcher: JargonMatcher, seen: set[str], initials=(), chosen: dict[int, Entry] | None = None
) -> str:
    """The text with each term not yet in `seen` followed by its expansion in brackets, and
    fuzzy (mistyped) terms written correctly. Nothing else changes."""
    out: list[str] = []
    at = 0
    for m in matcher.find(text, initials):
        entry = (chosen or {}).get(m.start) or m.entry
        if entry is None or m.kind == UNKNOWN:
            continue
        written = m.surface
        if m.kind == FUZZY:
            written = _corrected(m.surface, entry)
        out.append(text[at : m.start])
        out.append(written)
        already = text[m.end : m.end + len(entry.expansion) + 3].lower()
        if (
            entry.id not in seen
            and not entry.well_known
            and entry.expansion.lower() not in (written.lower(), entry.term.lower())
            and entry.expansion.lower() not in already
            and entry.expansion.lower() not in written.lower()
        ):
            out.append(f" ({_plural(entry.expansion) if _is_plural(written, entry) else entry.expansion})")
        seen.add(entry.id)
        at = m.end
    out.append(text[at:])
    return "".join(out)


def _is_plural(written: str, entry: Entry) -> bool:
    """ "LAs", "PCNs", "HWBs": the term written in the plural (its own spelling does not end in
    s), and an expansion that names a thing. "DNAs" (did not attend) and "D2As" (discharge to
    assess) name actions, which take no plural."""
    word = re.sub(r"['’]s$", "", written)
    singular = word[:-1].lower()
    if re.search(r"\b(?:not|to)\b", entry.expansion):
        return False
    return word.endswith("s") and not entry.term.endswith(("s", "S")) and singular == entry.term.lower()


def _plural(expansion: str) -> str:
    """ "local authority" -> "local authorities", "primary care network" -> "...networks"."""
    if re.search(r"(?:s|x|z|ch|sh)$", expansion):
        return expansion + "es"
    if re.search(r"[^aeiou]y$", expansion):
        return expansion[:-1] + "ies"
    return expansion + "s"


def _corrected(typed: str, entry: Entry) -> str:
    """A mistyped term written correctly: the entry's written form nearest to what was typed
    ("Addtional Roles" -> "Additional Roles", not the whole scheme's name), in the typist's
    capitals where they capitalised every word ("Intergrated Care Board")."""
    best = max(entry.forms(), key=lambda form: fuzz.ratio(typed.lower(), form.lower()))
    words = typed.split()
    if len(words) > 1 and all(w[:1].isupper() for w in words) and not best.isupper():
        return " ".join(w[:1].upper() + w[1:] for w in best.split())
    return best


def plain_rewrite(meeting: Meeting, glossary: Glossary, matcher: JargonMatcher | None = None) -> str:
    """The notes with each term explained in brackets at its first use and typos of terms
    corrected; nothing else changed."""
    matcher = matcher or JargonMatcher(glossary)
    matches = matcher.find(meeting.notes, meeting.initials)
    chosen = _chosen_senses(matches, meeting, glossary)
    return explain_terms(meeting.notes, matcher, set(), meeting.initials, chosen)


def _is_heading_line(item: Item, meeting: Meeting, top: list[int]) -> bool:
    """What heads the notes rather than records the meeting: the first line repeating the
    meeting's title (notes typed without a "# " heading), or, among the first three lines and
    before any heading, a line giving the meeting's own date ("Wednesday 26 March 2025, 13:30,
    council chamber"). The debrief shows both in its own heading already. `top`: the numbers of
    the notes' first three lines that are not blank."""
    if not item.lines or item.lines[0] not in top or item.heading:
        return False
    if item.lines[0] == top[0] and item.text.strip(" .*_#") == meeting.title.strip(" .*_#"):
        return True
    return bool(meeting.date) and find_date(item.text) == meeting.date


def readability_note(debrief: Debrief) -> str:
    """The reading grades as a sentence for the exported debrief, with what a grade cannot
    show: it counts "ICB" as one short word, so it misses the jargon the debrief explains."""
    grades = debrief.readability
    if not grades:
        return ""
    text = (
        f"Reading grade (Flesch-Kincaid): notes {grades.get('notes')}, this debrief "
        f"{grades.get('debrief')}. The NHS aims for a reading age of 9 to 11 (grade 4 to 6)."
    )
    terms = len(debrief.terms)
    unknown = sum(1 for q in debrief.questions if q.extra.get("source") == "unknown-term")
    if terms:
        text += (
            f" The grade counts an abbreviation as one short word, so it misses jargon: the notes "
            f"use {terms} NHS term{'s' if terms != 1 else ''}, and this debrief explains "
            f"{'each of them' if terms != 1 else 'it'}."
        )
    if unknown:
        text += (
            f" {unknown} abbreviation{'s are' if unknown != 1 else ' is'} not in the glossary: "
            "see the questions for your mentor."
        )
    return text


def debrief_text(debrief: Debrief) -> str:
    """The debrief's words as prose (for its reading grade)."""
    parts: list[str] = []
    for section in (debrief.discussed, debrief.decisions, debrief.actions, debrief.questions):
        parts.extend(_sentence(i.text) for i in section)
    parts.extend(f"{t.term} means {t.expansion}. {t.plain}" for t in debrief.terms)
    parts.append(debrief.reflection or " ".join(debrief.prompts))
    return "\n".join(p for p in parts if p)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."
