"""The typed domain of a policy-options debate: content models, loader, queries, exports, polls."""

from policy.dataset import Dataset
from policy.loader import ContentError, Problem, load_dataset

__all__ = ["ContentError", "Dataset", "Problem", "load_dataset"]
