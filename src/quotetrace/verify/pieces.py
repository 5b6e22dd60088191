"""The records of a word alignment: blocks of equal words, alignment steps, source passages."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True, frozen=True)
class Block:
    q0: int
    q1: int
    s0: int
    s1: int

    @property
    def size(self) -> int:
        return self.q1 - self.q0


@dataclass(slots=True)
class Op:
    """One alignment step: quote items [q0, q1) against source words [s0, s1)."""

    tag: str  # equal | replace | insert | delete
    q0: int
    q1: int
    s0: int
    s1: int


@dataclass(slots=True)
class Piece:
    """One contiguous source passage the quote draws on, with its word alignment."""

    ops: list[Op] = field(default_factory=list)

    @property
    def s0(self) -> int:
        return min((op.s0 for op in self.ops if op.s1 > op.s0), default=self.ops[0].s0)

    @property
    def s1(self) -> int:
        return max((op.s1 for op in self.ops if op.s1 > op.s0), default=self.ops[0].s1)

    @property
    def q0(self) -> int:
        return self.ops[0].q0

    @property
    def q1(self) -> int:
        return self.ops[-1].q1
