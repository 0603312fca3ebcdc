"""Pictures of a graph: the offline explorer page and ego-network plots, and the colours they share."""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["DEFAULT_MAX_NODES", "TONE_COLORS", "class_colors"]

#: Actors shown at most; the rest are pruned (least connected first).
DEFAULT_MAX_NODES = 1500

#: A relation's colour by its tone: conflict red, cooperation green, neutral grey.
TONE_COLORS = {"conflict": "#D64541", "cooperation": "#3C9D5D", "neutral": "#8A93A6"}

# Shades per tone, given to a schema's classes in order: the reds and oranges of conflict, the
# greens and blues of cooperation, and muted colours for the neutral classes.
_SHADES = {
    "conflict": ("#B71C1C", "#E53935", "#F4511E", "#FB8C00", "#C2185B", "#8E24AA", "#6D4C41", "#FF7043"),
    "cooperation": ("#1B5E20", "#43A047", "#00897B", "#0277BD", "#1E88E5", "#7CB342", "#26A69A", "#5C6BC0"),
    "neutral": ("#546E7A", "#8D6E63", "#9575CD", "#4DB6AC", "#A1887F", "#78909C", "#BA68C8", "#AED581",
                "#FFB300", "#90A4AE", "#F06292", "#7986CB"),
}


def class_colors(tones: Mapping[str, str]) -> dict[str, str]:
    """A colour for each class (``{"CONSULT": "cooperation", …}``, in schema order) in its tone's family."""
    used: dict[str, int] = {}
    colors = {}
    for name, tone in tones.items():
        shades = _SHADES.get(tone, _SHADES["neutral"])
        colors[name] = shades[used.get(tone, 0) % len(shades)]
        used[tone] = used.get(tone, 0) + 1
    return colors
