"""Pictures of a graph: the offline explorer page and ego-network plots."""

__all__ = ["DEFAULT_MAX_NODES"]

#: Actors shown at most; the rest are pruned (least connected first).
DEFAULT_MAX_NODES = 1500
