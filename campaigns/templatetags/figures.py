"""Template filters for figures written for people: ``{{ figure|figure_text }}`` reads
"over 110 million CNY" (see ``campaigns.display``, where the work is done)."""

from django import template

from campaigns import display

register = template.Library()

register.filter("figure_text", display.figure_text)
register.filter("figure_number", display.figure_number)
register.filter("figure_statement", display.figure_statement)
register.filter("in_parentheses", display.in_parentheses)
register.filter("humane_number", display.humane_number)
register.filter("distinction", display.distinction)
register.filter("figure_age", display.figure_age)
register.filter("marked_number", display.marked_number)
register.filter("unit_label", display.unit_label)
register.simple_tag(display.figure_caveat, name="caveat")
