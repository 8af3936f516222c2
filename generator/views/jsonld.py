"""schema.org JSON-LD of a service page (GovernmentService), embedded safely in the page."""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from ..deadlines.words import rule_words
from ..formatting import address_lines
from ..i18n import Words
from ..model import Agency, Service
from .labels import channel_label


def json_ld(service: Service, agency: Agency, url: str, words: Words) -> Markup:
    """schema.org GovernmentService, embedded safely: '<' can never close the script element."""
    organization = {"@type": "GovernmentOrganization", "name": agency.name, "url": agency.website}
    channels: list[dict[str, Any]] = []
    for c in service.channels:
        channel: dict[str, Any] = {"@type": "ServiceChannel", "name": channel_label(c.type, words)}
        if c.url:
            channel["serviceUrl"] = c.url
        if c.phone:
            channel["servicePhone"] = {"@type": "ContactPoint", "telephone": c.phone}
        if c.address:
            key = "serviceLocation" if c.type == "in_person" else "servicePostalAddress"
            channel[key] = ({"@type": "Place", "address": " ".join(address_lines(c.address))}
                            if c.type == "in_person" else
                            {"@type": "PostalAddress", "streetAddress": " ".join(address_lines(c.address))})
        if c.email:
            channel["providesService"] = {"@type": "Service", "email": c.email}
        channels.append(channel)
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": service.title,
        "description": service.summary,
        "url": url,
        "inLanguage": words.language,
        "provider": organization,
        "serviceOperator": organization,
        "availableChannel": channels,
        "audience": [{"@type": "Audience", "audienceType": a} for a in service.audience],
    }
    if service.deadlines:  # what the citizen must do again afterwards: an annual report, a renewal
        data["potentialAction"] = [{"@type": "Action", "name": d.title, "description": rule_words(d, words)}
                                   for d in service.deadlines]
    return json_block(data)


def json_block(data: Any, compact: bool = False) -> Markup:
    """JSON to put inside a <script> data block: '<' can never close the element."""
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":") if compact else None)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
