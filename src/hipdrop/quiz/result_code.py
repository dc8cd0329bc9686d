"""Result codes: a student's quiz result as a short code to type or scan, read back on the teacher's page.

A code carries the quiz, its version, a random attempt tag, the percentage, every answer, and the
name or nickname the student typed (nothing else: without a nickname it says nothing of who
took the quiz). The rules:

- **Text.** Crockford's base 32 (``0-9 A-Z`` without ``I L O U``), grouped by four with hyphens:
  ``1K3M-9QZ0-...``. Reading ignores case, spaces and hyphens, and takes ``I`` and ``L`` for ``1``
  and ``O`` for ``0``, the usual misreadings.
- **Format version.** The first character is the code's format (``1``); a reader refuses a format
  it does not know rather than guess.
- **Check character.** The last character is Damm's check over GF(32) (each step multiplies the
  running value XOR the next character by the field's generator, modulo x⁵ + x² + 1): every
  single mistyped character and every swap of two neighbours gives a wrong check, so a typing
  mistake is caught before the code is read.
- **Body.** Between them, one whole number in base 32, most significant character first. It is
  a mixed-radix number whose digits, from the least significant, are: the quiz's tag (a hash of
  its id, radix 2¹⁰), its version (a hash of the bank, radix 2²⁰; ``bank_version``), the attempt
  tag (radix 2¹⁵: two students with the same answers give two codes, and one code scanned twice
  counts once), the percentage (radix 101), each question's answer in the bank's order, the
  nickname's length in UTF-8 bytes (radix 65) and its bytes (radix 256 each). Nothing is left
  over: a number with more in it is refused.
- **Answers**, one digit each, 0 always meaning "not answered": single choice and true/false, 1 +
  the option's place in the bank (radix options + 1); multiple select, the set of options ticked
  as bits (radix 2^options); ordering, for each item in the bank's order its place 0 (none) to n
  (radix (n + 1)^n); matching, for each left-hand item 0 (none) or 1 + the place of its chosen
  right-hand item (radix (m + 1)^n); numeric, 1 wrong, 2 right (radix 3: the number itself would
  cost 20 to 26 bits a question, a third of the final quiz's code; it is read back as the right
  value or as text that is not a number, which the grader marks the same); generated numeric the
  same (radix 3), read back on the question's first problem (its answer, or text that is not a
  number). Another question type cannot be carried yet (``UnsupportedQuestion``).
- **Score.** The percentage is that of the answers as carried, graded by the engine
  (``grade_bank``); the reader grades the carried answers again with its own bank and refuses a
  code whose percentage differs (it was changed, or read wrongly).

The version is a hash of the bank's content without its lesson links (those depend on the page
that shows the quiz), so a quiz page and the teacher's page of the same build agree, and a code
made on another version of the quiz is refused with the quiz's title rather than misread.
"""

import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace

from .generated import Generators, problem_for
from .grading import grade_bank, grade_question, normalise_response
from .model import GENERATED_TYPES, Bank, Question, bank_to_dict

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base 32
READ_AS = {"I": "1", "L": "1", "O": "0"}
FORMAT_VERSION = 1
GROUP = 4

QUIZ_TAG_BITS = 10
VERSION_BITS = 20
ATTEMPT_BITS = 15
PERCENT_RADIX = 101
NICKNAME_MAX_CHARS = 16
NICKNAME_MAX_BYTES = 64

_FIELD_POLYNOMIAL = 0b100101  # x⁵ + x² + 1, primitive: GF(32) for the check character


class CodeError(ValueError):
    """A code that cannot be read. ``reason`` names what is wrong, for the reader's message:
    ``empty``, ``characters``, ``format``, ``check``, ``unknown_quiz``, ``other_version``,
    ``damaged`` (and ``duplicate``, said by the class table); ``values`` fill the message
    (``characters``, ``title``)."""

    def __init__(self, reason: str, detail: str, **values: str):
        super().__init__(detail)
        self.reason = reason
        self.values = values


class UnsupportedQuestion(ValueError):
    """The bank has a question type that a result code cannot carry."""


@dataclass(frozen=True)
class ResultCode:
    """One code, read: which quiz and version, the answers (as ``grade_bank`` takes them) and
    what else it carries."""

    text: str  # grouped, as shown
    quiz: str
    version: str
    attempt: int
    percent: int
    responses: dict
    nickname: str

    def to_dict(self) -> dict:
        return asdict(self)


# ---------------------------------------------------------------- text: base 32 and the check


def _mul_generator(value: int) -> int:
    """``value`` × x in GF(32)."""
    value <<= 1
    return value ^ _FIELD_POLYNOMIAL if value & 0b100000 else value


def check_character(symbols: str) -> str:
    """Damm's check character of ``symbols`` (characters of ``ALPHABET``)."""
    interim = 0
    for symbol in symbols:
        interim = _mul_generator(interim ^ ALPHABET.index(symbol))
    return ALPHABET[interim]


def check_holds(symbols: str) -> bool:
    """True when the last character is the check of the others."""
    return len(symbols) >= 2 and check_character(symbols[:-1]) == symbols[-1]


def grouped(symbols: str) -> str:
    return "-".join(symbols[i : i + GROUP] for i in range(0, len(symbols), GROUP))


def normalised(text: str) -> str:
    """What a reader typed or scanned, as the code's characters: upper case, no spaces or
    hyphens, I and L read as 1, O as 0. Raises CodeError for any other character."""
    symbols = "".join(READ_AS.get(c, c) for c in text.upper() if c not in " -\t\u00a0")
    unknown = sorted({c for c in symbols if c not in ALPHABET})
    if not symbols:
        raise CodeError("empty", "no code")
    if unknown:
        raise CodeError(
            "characters", f"characters that are not in a code: {''.join(unknown)}", characters=" ".join(unknown)
        )
    return symbols


def _to_base32(number: int) -> str:
    digits = []
    while True:
        number, digit = divmod(number, 32)
        digits.append(ALPHABET[digit])
        if number == 0:
            return "".join(reversed(digits))


def _from_base32(symbols: str) -> int:
    number = 0
    for symbol in symbols:
        number = number * 32 + ALPHABET.index(symbol)
    return number


# ---------------------------------------------------------------- the quiz: tag and version


def _hash_bits(text: str, bits: int) -> int:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") >> (32 - bits)


def quiz_tag(bank_id: str) -> int:
    return _hash_bits("quiz:" + bank_id, QUIZ_TAG_BITS)


def bank_version(bank: Bank) -> int:
    """A hash of the bank's content, lesson links left out (they depend on the showing page)."""
    data = bank_to_dict(replace(bank, questions=tuple(replace(q, link="") for q in bank.questions)))
    return _hash_bits(json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")), VERSION_BITS)


def version_text(bank: Bank) -> str:
    """The version as four characters, for people to compare ("version 7K2M")."""
    return _to_base32(bank_version(bank)).rjust(4, "0")


# ---------------------------------------------------------------- answers as digits


def _numeric_digit(question: Question, given: object) -> int:
    if given in ("", None):
        return 0
    return 2 if grade_question(question, given).correct else 1


def _generated_digit(question: Question, given: object, generators: Generators | None) -> int:
    if not isinstance(given, dict) or "seed" not in given or given.get("value") in ("", None):
        return 0
    return 2 if grade_question(question, given, generators=generators).correct else 1


def _generated_answer(question: Question, digit: int, generators: Generators | None) -> dict | None:
    """A response that grades as the digit says, on the question's first problem: its answer, or
    text that is not a number."""
    if not digit or question.generated is None:
        return None
    seed = question.generated.first_seed
    return {"seed": seed, "value": format(problem_for(question, seed, generators).answer, "g") if digit == 2 else "?"}


def _numeric_text(question: Question, digit: int) -> str:
    """A response that grades as the digit says: the right value itself, or text that is not a number."""
    if digit == 2 and question.numeric:
        return format(question.numeric.value, "g")
    return "?" if digit else ""


def _radix(question: Question) -> int:
    kind = question.type
    if kind in ("single", "true_false"):
        return len(question.options) + 1
    if kind == "multiple":
        return 2 ** len(question.options)
    if kind == "ordering":
        return (len(question.items) + 1) ** len(question.items)
    if kind == "matching":
        return (len(question.right) + 1) ** len(question.left)
    if kind == "numeric" or kind in GENERATED_TYPES:
        return 3
    raise UnsupportedQuestion(f"question '{question.id}': a '{kind}' question cannot be carried in a result code")


def _answer_digit(question: Question, response: object, generators: Generators | None = None) -> int:
    given = normalise_response(question, response)
    kind = question.type
    if kind in ("single", "true_false"):
        ids = [o.id for o in question.options]
        return ids.index(given[0]) + 1 if given else 0
    if kind == "multiple":
        return sum(1 << n for n, o in enumerate(question.options) if o.id in given)
    if kind == "ordering":
        n = len(question.items)
        return sum(given.get(item.id, 0) * (n + 1) ** k for k, item in enumerate(question.items))
    if kind == "matching":
        right = [r.id for r in question.right]
        base = len(right) + 1
        return sum(
            (right.index(given[item.id]) + 1 if item.id in given else 0) * base**k
            for k, item in enumerate(question.left)
        )
    if kind in GENERATED_TYPES:
        return _generated_digit(question, given, generators)
    return _numeric_digit(question, given)


def _answer_of(question: Question, digit: int, generators: Generators | None = None) -> object:
    """The response a digit stands for, as the grader takes it (None: not answered)."""
    kind = question.type
    if kind in ("single", "true_false"):
        return [question.options[digit - 1].id] if digit else None
    if kind == "multiple":
        chosen = [o.id for n, o in enumerate(question.options) if digit >> n & 1]
        return chosen or None
    if kind in ("ordering", "matching"):
        keys = question.items if kind == "ordering" else question.left
        base = (len(question.items) if kind == "ordering" else len(question.right)) + 1
        answer = {}
        for item in keys:
            digit, place = divmod(digit, base)
            if place:
                answer[item.id] = place if kind == "ordering" else question.right[place - 1].id
        return answer or None
    if kind in GENERATED_TYPES:
        return _generated_answer(question, digit, generators)
    return _numeric_text(question, digit) or None


def carried_responses(bank: Bank, responses: dict, generators: Generators | None = None) -> dict:
    """The responses as a code carries them (a numeric answer as right or wrong), by question id."""
    carried = {}
    for question in bank.questions:
        answer = _answer_of(question, _answer_digit(question, responses.get(question.id), generators), generators)
        if answer is not None:
            carried[question.id] = answer
    return carried


# ---------------------------------------------------------------- making and reading a code


def _nickname_bytes(nickname: str) -> bytes:
    """The nickname as carried: control characters dropped, spaces collapsed, at most
    ``NICKNAME_MAX_CHARS`` characters."""
    kept = "".join(c for c in nickname if ord(c) >= 0x20 and not 0x7F <= ord(c) < 0xA0)
    return " ".join(kept.split())[:NICKNAME_MAX_CHARS].encode("utf-8")


def make_code(
    bank: Bank, responses: dict, nickname: str = "", attempt: int = 0, generators: Generators | None = None
) -> ResultCode:
    """The code of one attempt at ``bank``. ``attempt``: a random number from 0 to 2¹⁵ - 1 that
    the page draws once per attempt."""
    if isinstance(attempt, bool) or not isinstance(attempt, int) or not 0 <= attempt < 2**ATTEMPT_BITS:
        raise ValueError(f"the attempt tag must be a whole number from 0 to {2**ATTEMPT_BITS - 1}, not {attempt!r}")
    if not isinstance(responses, dict):
        raise ValueError("responses must be a mapping from question id to answer")
    radices = [_radix(q) for q in bank.questions]
    carried = carried_responses(bank, responses, generators)
    percent = grade_bank(bank, carried, generators=generators).percent
    name = _nickname_bytes(nickname)
    digits = [
        (quiz_tag(bank.id), 2**QUIZ_TAG_BITS),
        (bank_version(bank), 2**VERSION_BITS),
        (attempt, 2**ATTEMPT_BITS),
        (percent, PERCENT_RADIX),
        *((_answer_digit(q, carried.get(q.id), generators), r) for q, r in zip(bank.questions, radices, strict=True)),
        (len(name), NICKNAME_MAX_BYTES + 1),
        *((byte, 256) for byte in name),
    ]
    number = 0
    for digit, radix in reversed(digits):
        number = number * radix + digit
    body = ALPHABET[FORMAT_VERSION] + _to_base32(number)
    text = grouped(body + check_character(body))
    return ResultCode(
        text=text,
        quiz=bank.id,
        version=version_text(bank),
        attempt=attempt,
        percent=percent,
        responses=carried,
        nickname=name.decode("utf-8"),
    )


class _Digits:
    """Takes a mixed-radix number apart, least significant digit first."""

    def __init__(self, number: int):
        self.number = number

    def take(self, radix: int) -> int:
        self.number, digit = divmod(self.number, radix)
        return digit


def _bank_for(tag: int, version: int, banks: Sequence[Bank]) -> Bank:
    same_quiz = [b for b in banks if quiz_tag(b.id) == tag]
    for bank in same_quiz:
        if bank_version(bank) == version:
            return bank
    if len(same_quiz) == 1:
        title = same_quiz[0].title
        raise CodeError("other_version", f"a code from another version of the quiz '{same_quiz[0].id}'", title=title)
    raise CodeError("unknown_quiz", "a code from a quiz this course does not have")


def read_code(text: str, banks: Sequence[Bank], generators: Generators | None = None) -> ResultCode:
    """The code ``text`` read against the course's ``banks``; raises CodeError saying why not."""
    symbols = normalised(text)
    if len(symbols) < 3 or not check_holds(symbols):
        raise CodeError("check", "the check character does not match: a character is mistyped")
    if ALPHABET.index(symbols[0]) != FORMAT_VERSION:
        raise CodeError("format", f"a code of format {ALPHABET.index(symbols[0])}, not {FORMAT_VERSION}")
    digits = _Digits(_from_base32(symbols[1:-1]))
    tag, version = digits.take(2**QUIZ_TAG_BITS), digits.take(2**VERSION_BITS)
    bank = _bank_for(tag, version, banks)
    attempt, percent = digits.take(2**ATTEMPT_BITS), digits.take(PERCENT_RADIX)
    responses = {}
    for question in bank.questions:
        answer = _answer_of(question, digits.take(_radix(question)), generators)
        if answer is not None:
            responses[question.id] = answer
    name = bytes(digits.take(256) for _ in range(digits.take(NICKNAME_MAX_BYTES + 1)))
    if digits.number:
        raise CodeError("damaged", "the code holds more than its quiz's answers")
    try:
        nickname = name.decode("utf-8")
    except UnicodeDecodeError:
        raise CodeError("damaged", "the nickname is not text") from None
    if grade_bank(bank, responses, generators=generators).percent != percent:
        raise CodeError("damaged", f"the code says {percent}% but its answers score otherwise")
    return ResultCode(
        text=grouped(symbols),
        quiz=bank.id,
        version=version_text(bank),
        attempt=attempt,
        percent=percent,
        responses=responses,
        nickname=nickname,
    )
