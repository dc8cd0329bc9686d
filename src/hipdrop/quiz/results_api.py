"""The worker methods of result codes (see hipdrop.browser): a student's code, a class's table.

- ``results.code``: ``{bank_key | bank, responses, nickname, attempt}`` -> ``{code, percent,
  nickname, version}``: the code of one attempt (``result_code.make_code``).
- ``results.read``: ``{bank_keys, codes, language}`` -> the class (``class_results.read_class``):
  the codes read against the banks the page loaded (``quiz.load``), refusals in ``language``.
- ``results.csv``: the same params -> ``{csv}``, the class as CSV.

The banks are named by the keys ``quiz.load`` gave, as the quiz's own calls do.
"""

from ..messages import messages
from .api import LoadedBanks
from .class_results import class_csv, read_class
from .result_code import make_code


def _session_method(function):
    function.hipdrop_uses_session = True  # hipdrop.browser passes the worker's Session
    return function


def _banks(params: dict, banks: LoadedBanks) -> list:
    keys = params.get("bank_keys")
    if not isinstance(keys, list):
        raise ValueError("bank_keys must be the list of keys that quiz.load gave")
    return [banks.bank({"bank_key": key}) for key in keys]


def _lines(params: dict) -> list[str]:
    codes = params.get("codes") or []
    if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
        raise ValueError("codes must be a list of texts, one code each")
    return codes


@_session_method
def code(params: dict, session) -> dict:
    bank = session.quiz_banks.bank(params)
    made = make_code(bank, params.get("responses") or {}, str(params.get("nickname") or ""), params.get("attempt", 0))
    return {"code": made.text, "percent": made.percent, "nickname": made.nickname, "version": made.version}


@_session_method
def read(params: dict, session) -> dict:
    texts = messages(params.get("language"))
    return read_class(_lines(params), _banks(params, session.quiz_banks), texts).to_dict()


@_session_method
def as_csv(params: dict, session) -> dict:
    texts = messages(params.get("language"))
    return {"csv": class_csv(read_class(_lines(params), _banks(params, session.quiz_banks), texts), texts)}
