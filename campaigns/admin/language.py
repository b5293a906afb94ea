"""
The admin in the curator's language: the one they chose with the switch at the top of every
admin page (Django's language cookie), else their browser's (Accept-Language), else English.
The admin keeps one address per page in both languages.
"""

import functools

from django.utils import translation


def in_curators_language(view):
    """``view`` answering in the curator's language.

    The public site's language is in its address (``/zh-hans/…``), so ``LocaleMiddleware``
    gives every address without the Chinese prefix the default language; the admin's
    addresses have no prefix, and read the curator's choice here instead.
    """

    @functools.wraps(view)
    def view_in_curators_language(request, *args, **kwargs):
        translation.activate(translation.get_language_from_request(request))
        request.LANGUAGE_CODE = translation.get_language()
        return view(request, *args, **kwargs)

    return view_in_curators_language
