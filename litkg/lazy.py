"""Package attributes imported on first use (PEP 562), so that importing a package stays cheap.

``litkg.extract`` and ``litkg.queries`` re-export names of their modules; importing those modules
up front loaded spaCy, scipy and networkx for commands that need none of them.

>>> import types
>>> package = types.ModuleType("demo")
>>> package.__getattr__ = lazy_attributes("json", {"dumps": ""}, vars(package))
>>> package.dumps([1])
'[1]'
"""
from __future__ import annotations

import importlib
from typing import Any, Callable, Mapping, MutableMapping

__all__ = ["lazy_attributes"]


def lazy_attributes(package: str, modules: Mapping[str, str],
                    namespace: MutableMapping[str, Any]) -> Callable[[str], Any]:
    """A module ``__getattr__`` that imports ``package.MODULE`` (``package`` itself for ``""``)
    for each name of ``modules`` (name → module) when it is first asked for, and keeps the value
    in ``namespace`` (the package's globals) so later lookups skip it."""

    def __getattr__(name: str) -> Any:
        module = modules.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}" if module else package), name)
        namespace[name] = value
        return value

    return __getattr__
