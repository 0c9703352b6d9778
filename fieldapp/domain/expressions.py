"""The checklist condition language: parse `show_if`, `required_if` and `fail_if` texts.

A small, safe language (never `eval`): literals, references, `and`/`or`/`not`,
comparisons, `in`, arithmetic and one function.

    COM-09 == false and venue.floors >= 3
    campaign.epidemic.phase in ["有病例", "社区传播"]
    HTL-05 != "已安装且有效"            "未安装" in MKT-09     (a multiple choice)
    value < param.min_extinguishers     days_since(value) > param.hood_cleaning_days

References: an item code (`CAT-01`: the answer to an earlier item), `venue.<attribute>`,
`param.<name>` (the checklist's `[params]`, which office settings override),
`campaign.<code>` (true while that campaign is active) and `campaign.<code>.phase`,
and `value` (the answer being checked, in `fail_if` only).

`parse` turns a text into a tree of frozen nodes; `expr_types` checks it and
`conditions` evaluates it. Errors carry the column (1-based) of the offending token.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from fieldapp.domain.wording import Problem, said

ITEM_REF_RE = r"[A-Z]{2,5}-\d{2,3}"
FUNCTIONS: tuple[str, ...] = ("days_since",)
KEYWORDS = frozenset({"and", "or", "not", "in", "true", "false", "value"})

_TOKEN_RE = re.compile(
    rf"""
    (?P<space>\s+)
  | (?P<code>{ITEM_REF_RE})(?![A-Za-z0-9_])
  | (?P<number>\d+(?:\.\d+)?)
  | (?P<string>"[^"]*"|'[^']*'|“[^”]*”)
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)
  | (?P<op>==|!=|<=|>=|<|>|\+|-|\*|/|\(|\)|\[|\]|,)
    """,
    re.VERBOSE,
)


class ExprError(ValueError):
    """A text that is not an expression, or one that does not type-check: `problem` (a
    catalogue key and its values) at `column`; str() words it in the current language."""

    def __init__(self, key: str, column: int = 0, **values: object) -> None:
        super().__init__(key)
        self.problem = Problem(key, values)
        self.column = column

    @property
    def message(self) -> str:
        return str(self.problem)

    @property
    def located(self) -> Problem:
        """The problem with its column, as shown."""
        if not self.column:
            return self.problem
        return said("expr.at_column", column=self.column, problem=self.problem)

    def __str__(self) -> str:
        return str(self.located)


# --- the tree ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Literal:
    value: bool | float | str | tuple[str, ...]
    column: int


@dataclass(frozen=True)
class Ref:
    """`kind` is item | venue | param | campaign | phase | value; `name` what follows."""

    kind: str
    name: str
    column: int


@dataclass(frozen=True)
class Unary:
    op: str  # not | -
    operand: Node
    column: int


@dataclass(frozen=True)
class Binary:
    op: str  # and | or | == | != | < | <= | > | >= | in | + | - | * | /
    left: Node
    right: Node
    column: int


@dataclass(frozen=True)
class Call:
    name: str
    args: tuple[Node, ...]
    column: int


Node = Literal | Ref | Unary | Binary | Call


@dataclass(frozen=True)
class _Token:
    kind: str  # code | number | string | name | op | end
    text: str
    column: int


def _tokens(text: str) -> list[_Token]:
    found: list[_Token] = []
    position = 0
    while position < len(text):
        match = _TOKEN_RE.match(text, position)
        if match is None:
            char = text[position]
            if char == "=":
                raise ExprError("expr.single_equals", position + 1)
            raise ExprError("expr.unexpected_char", position + 1, char=char)
        kind = match.lastgroup or ""
        if kind != "space":
            found.append(_Token(kind, match.group(), position + 1))
        position = match.end()
    found.append(_Token("end", "", len(text) + 1))
    return found


class _Parser:
    """Recursive descent, lowest precedence first: or, and, not, comparison, + -, * /."""

    COMPARISONS = ("==", "!=", "<", "<=", ">", ">=", "in")

    def __init__(self, text: str) -> None:
        self.tokens = _tokens(text)
        self.at = 0

    @property
    def token(self) -> _Token:
        return self.tokens[self.at]

    def take(self) -> _Token:
        token = self.tokens[self.at]
        self.at += 1
        return token

    def is_word(self, word: str) -> bool:
        return self.token.kind == "name" and self.token.text == word

    def is_op(self, op: str) -> bool:
        return self.token.kind == "op" and self.token.text == op

    def expect_op(self, op: str) -> None:
        if not self.is_op(op):
            raise ExprError("expr.expected_op", self.token.column, op=op, found=self.describe())
        self.take()

    def describe(self) -> Problem:
        if self.token.kind == "end":
            return said("expr.the_end")
        return said("expr.token", text=self.token.text)

    def parse(self) -> Node:
        if self.token.kind == "end":
            raise ExprError("expr.empty", 1)
        node = self.or_()
        if self.token.kind != "end":
            raise ExprError("expr.unexpected", self.token.column, found=self.describe())
        return node

    def or_(self) -> Node:
        node = self.and_()
        while self.is_word("or"):
            column = self.take().column
            node = Binary("or", node, self.and_(), column)
        return node

    def and_(self) -> Node:
        node = self.not_()
        while self.is_word("and"):
            column = self.take().column
            node = Binary("and", node, self.not_(), column)
        return node

    def not_(self) -> Node:
        if self.is_word("not"):
            column = self.take().column
            return Unary("not", self.not_(), column)
        return self.comparison()

    def comparison(self) -> Node:
        node = self.sum_()
        token = self.token
        if (token.kind == "op" and token.text in self.COMPARISONS) or self.is_word("in"):
            self.take()
            node = Binary(token.text, node, self.sum_(), token.column)
            after = self.token
            if (after.kind == "op" and after.text in self.COMPARISONS) or self.is_word("in"):
                raise ExprError("expr.chain", after.column)
        return node

    def sum_(self) -> Node:
        node = self.product()
        while self.is_op("+") or self.is_op("-"):
            token = self.take()
            node = Binary(token.text, node, self.product(), token.column)
        return node

    def product(self) -> Node:
        node = self.unary()
        while self.is_op("*") or self.is_op("/"):
            token = self.take()
            node = Binary(token.text, node, self.unary(), token.column)
        return node

    def unary(self) -> Node:
        if self.is_op("-"):
            column = self.take().column
            return Unary("-", self.unary(), column)
        return self.atom()

    def atom(self) -> Node:
        token = self.token
        if token.kind == "number":
            self.take()
            return Literal(float(token.text), token.column)
        if token.kind == "string":
            self.take()
            return Literal(token.text[1:-1], token.column)
        if token.kind == "code":
            self.take()
            return Ref("item", token.text, token.column)
        if self.is_op("("):
            self.take()
            node = self.or_()
            self.expect_op(")")
            return node
        if self.is_op("["):
            return self.list_()
        if token.kind == "name":
            return self.name()
        raise ExprError("expr.expected_value", token.column, found=self.describe())

    def list_(self) -> Node:
        column = self.take().column
        values: list[str] = []
        while not self.is_op("]"):
            if self.token.kind != "string":
                raise ExprError("expr.list_texts", self.token.column)
            values.append(self.take().text[1:-1])
            if not self.is_op("]"):
                self.expect_op(",")
        self.take()
        return Literal(tuple(values), column)

    def name(self) -> Node:
        token = self.take()
        text, column = token.text, token.column
        if text in ("true", "false"):
            return Literal(text == "true", column)
        if text == "value":
            return Ref("value", "", column)
        if text in FUNCTIONS:
            self.expect_op("(")
            args: list[Node] = []
            while not self.is_op(")"):
                args.append(self.or_())
                if not self.is_op(")"):
                    self.expect_op(",")
            self.take()
            return Call(text, tuple(args), column)
        head, _, rest = text.partition(".")
        if head in ("venue", "param") and rest and "." not in rest:
            return Ref(head, rest, column)
        if head == "campaign" and rest:
            code, _, tail = rest.partition(".")
            if not tail:
                return Ref("campaign", code, column)
            if tail == "phase":
                return Ref("phase", code, column)
        if text in KEYWORDS:
            raise ExprError("expr.keyword_left", column, text=text)
        raise ExprError("expr.unknown_name", column, text=text)


@lru_cache(maxsize=4096)
def parse(text: str) -> Node:
    """The tree of one expression text; raises `ExprError` with the column."""
    return _Parser(text).parse()


def references(node: Node) -> list[Ref]:
    """Every reference in a tree, in reading order."""
    if isinstance(node, Ref):
        return [node]
    if isinstance(node, Unary):
        return references(node.operand)
    if isinstance(node, Binary):
        return references(node.left) + references(node.right)
    if isinstance(node, Call):
        return [ref for arg in node.args for ref in references(arg)]
    return []
