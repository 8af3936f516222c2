"""The words a page says about a value: a level of government, a way in, a fee, a time."""

from __future__ import annotations

from ..formatting import money
from ..i18n import N_, Words
from ..model import Service

JURISDICTION_LABELS = {"federal": N_("Federal"), "state": N_("State"), "county": N_("County"),
                       "municipal": N_("City and local")}
AUDIENCE_LABELS = {"individual": N_("Individual"), "business": N_("Business"), "nonprofit": N_("Nonprofit"),
                   "government": N_("Government")}
CHANNEL_LABELS = {"online": N_("Online"), "in_person": N_("In person"), "phone": N_("By phone"),
                  "mail": N_("By mail"), "email": N_("By email")}


def jurisdiction_label(jurisdiction: str, words: Words) -> str:
    return words.gettext(JURISDICTION_LABELS[jurisdiction])


def audience_labels(audience: tuple[str, ...], words: Words) -> list[str]:
    return [words.gettext(AUDIENCE_LABELS[a]) for a in audience]


def channel_label(channel_type: str, words: Words) -> str:
    return words.gettext(CHANNEL_LABELS[channel_type])


def fee_summary(service: Service, words: Words) -> str:
    if service.fees is None:
        return words.gettext("Contact the agency")
    if not service.fees:
        return words.gettext("Free")
    currencies = {f.currency for f in service.fees}
    if len(currencies) > 1:
        return " + ".join(money(f.amount, f.currency) for f in service.fees)
    return money(sum(f.amount for f in service.fees), currencies.pop())


def time_summary(service: Service) -> str | None:
    return service.processing_time.text if service.processing_time else None
