"""Openness: OSAID 1.0 and the Model Openness Framework, from the inventory."""

from __future__ import annotations


def assess(inventory, repository, knowledge):
    return None
