"""litkg: a literature knowledge graph for machine-learning research."""
from litkg.errors import LitkgError
from litkg.records import ExtractedEntity, Extraction, Mention, Paper, SkippedRecord, SourceRef

__version__ = "0.1.0"

__all__ = [
    "LitkgError",
    "Paper",
    "SourceRef",
    "SkippedRecord",
    "Mention",
    "ExtractedEntity",
    "Extraction",
    "KnowledgeGraph",
    "__version__",
]


def __getattr__(name: str):
    # The core pulls in spaCy; import it only when asked for so `import litkg` stays light.
    if name == "KnowledgeGraph":
        from litkg.core import KnowledgeGraph

        return KnowledgeGraph
    raise AttributeError(name)
