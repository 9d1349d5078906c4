# `from __future__ import annotations` (PEP 563): module and class annotations are kept as their
# source text, unevaluated, so a class may name itself before it exists (a forward reference);
# dataclasses still find the fields; the feature object prints as CPython's.
"""A module docstring may come before the __future__ import."""
from __future__ import annotations

import __future__
from dataclasses import dataclass, field, fields
from typing import Optional

count: int = 0
names: list[str] = []
maybe: Optional[dict[str, int | None]] = None


@dataclass
class Node:
    value: int
    next: Optional[Node] = None
    children: list[Node] = field(default_factory=list)
    label: "quoted" = "x"
    meta: typing.Dict[str, ...] = None


n = Node(1, Node(2))
print(__annotations__)
print(Node.__annotations__)
print(n, [f.type for f in fields(Node)])
print(__future__.annotations, __future__.annotations.getMandatoryRelease())
try:
    exec("x = 1\nfrom __future__ import annotations\n")
except SyntaxError as e:
    print("SyntaxError:", e)
