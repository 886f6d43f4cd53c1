"""Judgment drafting from .docx templates and rule-based review of draft documents.

``engines.drafting.review`` checks a draft (案号, parties, amounts, dates, mandatory parts,
appeal court, statute citations); ``engines.drafting.fill`` fills a template from a case
record. Both are pure Python (python-docx, cn2an) and never decide a case.
"""
