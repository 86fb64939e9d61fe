"""Personal data that must not leave the notebook: NHS numbers, dates of birth, phone numbers,
email addresses, postcodes, hospital numbers and patients' names.

Rules, not guesses: an NHS number counts only with a valid modulus-11 check digit (as Presidio's
UK_NHS recognizer does); a date is a date of birth only near a cue ("DOB", "born"); a hospital
number only near "MRN" or "hosp no"; a name only after "Mr", "Mrs", "Ms", "Miss", "pt" or
"patient", and never an attendee's. Phone numbers come from libphonenumber (region GB).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import phonenumbers

from debrief.months import MONTH

NHS_NUMBER, DOB, PHONE, EMAIL, POSTCODE, MRN, NAME = (
    "nhs_number",
    "dob",
    "phone",
    "email",
    "postcode",
    "mrn",
    "name",
)

LABELS = {
    NHS_NUMBER: "NHS number",
    DOB: "date of birth",
    PHONE: "phone number",
    EMAIL: "email address",
    POSTCODE: "postcode",
    MRN: "hospital number",
    NAME: "patient's name",
}


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str
    start: int
    end: int
    surface: str
    confidence: float

    @property
    def label(self) -> str:
        return LABELS[self.kind]

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "surface": self.surface,
            "confidence": self.confidence,
        }


_NHS = re.compile(r"(?<![\d/£-])(?<!\d[.,])(\d{3})([ -]?)(\d{3})\2(\d{4})(?!\d|[.,/]\d|\s?%)")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_POSTCODE = re.compile(
    r"\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-HJKPSTUW\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b", re.IGNORECASE
)
_DATE = re.compile(
    r"\b(?:\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+"
    rf"{MONTH}\.?,?\s+(?:19|20)\d{{2}})\b",
    re.IGNORECASE,
)
_DOB_CUE = re.compile(
    r"\b(?:d\.?o\.?b\.?|date of birth|born|birthday|b\.)\s*[:\-]?\s*$|"
    r"\baged?\s+\d{1,3}\b[^.\n]{0,12}$",
    re.IGNORECASE,
)
_MRN = re.compile(
    r"\b(?:MRN|hosp(?:ital)?\.?\s*(?:no|number|num)\.?|unit no\.?|RXX)\s*[:#]?\s*"
    r"(?P<n>[A-Z]{0,3}\d{5,10}[A-Z]?)\b",
    re.IGNORECASE,
)
_NAME = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Mx|pt|patient)\.?:?\s+(?P<name>[A-Z][a-z'’-]+"
    r"(?:\s+[A-Z][a-z'’-]+)?)"
)
_NOT_NAMES = frozenset(
    """The A An This That Seen Had Has Was Is And But With From For On In At
    Lady Man Woman Gentleman Female Male Below Above""".split()
)


def nhs_number_valid(digits: str) -> bool:
    """The NHS modulus-11 check: weights 10..2 on the first nine digits."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1)))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def find_pii(text: str, attendees: Iterable[str] = ()) -> list[Finding]:
    """Personal data in the text, in order, overlaps resolved to the most certain finding."""
    found: list[Finding] = []
    for m in _NHS.finditer(text):
        digits = m.group(1) + m.group(3) + m.group(4)
        if nhs_number_valid(digits):
            found.append(Finding(NHS_NUMBER, m.start(), m.end(), m.group(), 0.95))
    for m in _EMAIL.finditer(text):
        found.append(Finding(EMAIL, m.start(), m.end(), m.group(), 0.99))
    found.extend(_phones(text))
    for m in _POSTCODE.finditer(text):
        surface = m.group()
        if " " in surface or surface.isupper():
            found.append(Finding(POSTCODE, m.start(), m.end(), surface, 0.9 if surface.isupper() else 0.6))
    for m in _DATE.finditer(text):
        before = text[max(0, m.start() - 24) : m.start()]
        if _DOB_CUE.search(before):
            found.append(Finding(DOB, m.start(), m.end(), m.group(), 0.9))
    for m in _MRN.finditer(text):
        found.append(Finding(MRN, m.start("n"), m.end("n"), m.group("n"), 0.85))
    people = _attendee_names(attendees)
    for m in _NAME.finditer(text):
        name = m.group("name")
        first = name.split()[0]
        if first in _NOT_NAMES or name in people or first in people:
            continue
        found.append(Finding(NAME, m.start("name"), m.end("name"), name, 0.6))
    return _without_overlaps(found)


def _phones(text: str) -> list[Finding]:
    out = []
    for m in phonenumbers.PhoneNumberMatcher(text, "GB", leniency=phonenumbers.Leniency.POSSIBLE):
        raw = m.raw_string
        digits = re.sub(r"\D", "", raw)
        valid = phonenumbers.is_valid_number(m.number)
        uk_shape = (raw.startswith("0") and len(digits) in (10, 11) and digits[1] in "12378") or (
            raw.startswith("+") and len(digits) >= 11
        )
        if raw.startswith(("0", "+", "(0")) and (valid or uk_shape):  # as a UK number is dialled
            out.append(Finding(PHONE, m.start, m.end, raw, 0.9 if valid else 0.75))
    return out


def _attendee_names(attendees: Iterable[str]) -> set[str]:
    names: set[str] = set()
    for person in attendees:
        for word in re.findall(r"[A-Z][a-z'’-]+", person):
            names.add(word)
        names.add(person.strip())
    return names


def _without_overlaps(found: list[Finding]) -> list[Finding]:
    chosen: list[Finding] = []
    for f in sorted(found, key=lambda f: (-f.confidence, f.start)):
        if all(f.end <= c.start or f.start >= c.end for c in chosen):
            chosen.append(f)
    return sorted(chosen, key=lambda f: f.start)


def redact(text: str, findings: Iterable[Finding]) -> str:
    """The text with each finding replaced by "[NHS number removed]" and the like."""
    out, at = [], 0
    for f in sorted(findings, key=lambda f: f.start):
        out.append(text[at : f.start])
        out.append(f"[{LABELS[f.kind]} removed]")
        at = f.end
    out.append(text[at:])
    return "".join(out)
