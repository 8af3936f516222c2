"""The words a page says about a value: a level of government, a way in, a fee, a time."""

from __future__ import annotations

from ..fees import PERIODS, adds_up, service_amounts
from ..formatting import money, money_range
from ..graph import Site, entity_key
from ..i18n import N_, SOURCE_LANGUAGE, Words, language_name
from ..model import Fee, Service
from .pages import ServicePage
from .parts import Link

JURISDICTION_LABELS = {"federal": N_("Federal"), "state": N_("State"), "county": N_("County"),
                       "municipal": N_("City and local")}
AUDIENCE_LABELS = {"individual": N_("Individual"), "business": N_("Business"), "nonprofit": N_("Nonprofit"),
                   "government": N_("Government")}
CHANNEL_LABELS = {"online": N_("Online"), "in_person": N_("In person"), "phone": N_("By phone"),
                  "mail": N_("By mail"), "email": N_("By email")}
OTHER_WAY_WORDS = {"online": N_("online"), "in_person": N_("in person"), "phone": N_("by phone"),
                   "mail": N_("by mail"), "email": N_("by email")}
"""A way in within a sentence: "Other ways to get it: in person or by phone"."""


def jurisdiction_label(jurisdiction: str, words: Words) -> str:
    return words.gettext(JURISDICTION_LABELS[jurisdiction])


def audience_labels(audience: tuple[str, ...], words: Words) -> list[str]:
    return [words.gettext(AUDIENCE_LABELS[a]) for a in audience]


def channel_label(channel_type: str, words: Words) -> str:
    return words.gettext(CHANNEL_LABELS[channel_type])


def other_ways(channel_types: list[str], words: Words) -> str | None:
    """Ways in, each once, in the order given, as one phrase: "in person, by phone or by mail"."""
    named = [words.gettext(OTHER_WAY_WORDS[t]) for t in dict.fromkeys(channel_types)]
    if not named:
        return None
    if len(named) == 1:
        return named[0]
    # Translators: the last two of a list of ways in: "in person, by phone or by mail".
    return words.gettext("%(first)s or %(last)s", first=", ".join(named[:-1]), last=named[-1])


SERVICE_SECTIONS = {
    "before-you-start": N_("Before you start"), "about-service": N_("About this service"),
    "who-can-use": N_("Who can use it"), "what-you-need": N_("What you need"), "fees": N_("What it costs"),
    "time": N_("How long it takes"), "how-to-apply": N_("How to get it"),
    "after-you-get-it": N_("After you get it: what you must do next"),
    "needed-for": N_("What this lets you do next"), "part-of": N_("Guides it is part of"),
    "related": N_("Related services"), "legal-basis": N_("The law behind it"), "agency": N_("Who provides it"),
}
"""A service page's sections by their anchor, in the page's order: the words of its "On this page" list."""

PERIOD_WORDS = {"year": N_("%(amount)s a year"), "quarter": N_("%(amount)s a quarter"),
                "month": N_("%(amount)s a month")}


def fee_amount(fee: Fee, words: Words) -> str:
    """One fee's amount, with how often it is paid: "$125", "$375 a year", "$100 each"."""
    amount = money(fee.amount, fee.currency)
    if fee.per == "item":
        return words.gettext("%(amount)s each", amount=amount)
    return words.gettext(PERIOD_WORDS[fee.per], amount=amount) if fee.per else amount


def fee_summary(service: Service, words: Words) -> str:
    """What a service costs in a few words, never adding unlike amounts: "$1,700, then $375 a year"."""
    if service.fees is None:
        return words.gettext("Contact the agency")
    if not service.fees:
        return words.gettext("Free")
    currencies = {f.currency for f in service.fees}
    if len(currencies) > 1:
        return " + ".join(fee_amount(f, words) for f in service.fees)
    currency = currencies.pop()
    amounts = service_amounts(service, currency)
    summary = money(amounts["once"], currency) if amounts.get("once") else None
    recurring = [words.gettext(PERIOD_WORDS[name], amount=money(amounts[name], currency))
                 for name in PERIODS[1:] if amounts.get(name)]
    if recurring:
        again = recurring[0] if len(recurring) == 1 else words.gettext(
            "%(first)s and %(second)s", first=", ".join(recurring[:-1]), second=recurring[-1])
        summary = again if summary is None else words.gettext("%(before)s, then %(after)s", before=summary,
                                                              after=again)
    each = sorted({f.amount for f in service.fees if f.per == "item" and not f.optional})
    if each:
        amount = money(each[0], currency) if len(each) == 1 else money_range(each[0], each[-1], words, currency)
        items = words.gettext("%(amount)s each", amount=amount)
        summary = items if summary is None else words.gettext("%(before)s, plus %(after)s", before=summary,
                                                              after=items)
    summary = summary or words.gettext("Free")
    if any(f.optional for f in service.fees):
        summary = words.gettext("%(summary)s, plus optional fees", summary=summary)
    return summary


def fee_total(service: Service) -> str | None:
    """The sum of a service's fees, when they are all paid once, by everyone, in one currency and
    there is more than one; None when adding them up would mislead."""
    fees = service.fees or ()
    if len(fees) < 2 or len({f.currency for f in fees}) > 1 or not all(adds_up(f) and not f.per for f in fees):
        return None
    return money(sum(f.amount for f in fees), fees[0].currency)


def time_summary(service: Service) -> str | None:
    return service.processing_time.text if service.processing_time else None


def service_contents(view: ServicePage, words: Words) -> list[Link]:
    """The service page's sections, in order, for its "On this page" list: each heading the
    template shows (tests/test_render.py holds the two equal)."""
    service = view.service
    shown = {"before-you-start": view.before_you_start, "about-service": service.description,
             "who-can-use": view.eligibility, "what-you-need": view.documents, "fees": True,
             "time": service.processing_time, "how-to-apply": True, "after-you-get-it": view.deadlines,
             "needed-for": view.needed_for, "part-of": view.part_of or view.part_of_links, "related": view.related,
             "legal-basis": service.legal_basis, "agency": True}
    return [Link(words.gettext(SERVICE_SECTIONS[anchor]), "#" + anchor) for anchor, there in shown.items() if there]


# Translators: at the top of a page whose agency has not translated all of it; %(language)s is this
# page's language, %(source)s the language the rest is shown in, both as their names in this page's
# language ("español", "inglés").
UNTRANSLATED_NOTICE = N_("This information is not available in %(language)s yet. What is missing is shown in "
                         "%(source)s.")


def untranslated_notice(site: Site, kind: str, key: object, words: Words) -> str | None:
    """The notice a translated site puts at the top of the page of an entity it shows some
    source-language text of (translations/site.py), in the page's language; None: nothing to say."""
    if entity_key(kind, key) not in site.untranslated:
        return None
    return words.gettext(UNTRANSLATED_NOTICE, language=language_name(site.language, words.language),
                         source=language_name(SOURCE_LANGUAGE, words.language))
