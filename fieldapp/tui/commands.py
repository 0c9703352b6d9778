"""Actions as people see them: localized key labels and the command palette.

Every `Binding` in the program has an `id`; its label in the footer and in the palette is
the catalogue entry `binding.<id>` (tooltip / palette help: `binding.<id>.tip`). Screens
call `localize_bindings(self)` when built and the app calls it again on a language switch,
so labels follow the language without each screen knowing about it.

The palette lists every shown binding active on the screen it was opened from (app,
screen and focused-widget bindings), so each action there is also reachable by name —
including the actions of screens written later.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode

from fieldapp.domain.romanized import load_pinyin, pinyin_match
from fieldapp.i18n import language, t, text_in


def _label(binding: Binding) -> tuple[str, str]:
    key = f"binding.{binding.id}"
    description = t(key)
    tip = t(f"{key}.tip")
    return (
        binding.description if description == key else description,
        binding.tooltip if tip == f"{key}.tip" else tip,
    )


def _group(binding: Binding) -> Binding.Group | None:
    """A group of keys with one label (the queues 1…6) is labelled `binding.<screen>.group`
    (the screen: the binding id's first part)."""
    group = binding.group
    if group is None or not binding.id:
        return group
    key = f"binding.{binding.id.split('.', 1)[0]}.group"
    label = t(key)
    return group if label == key else Binding.Group(label, compact=group.compact)


def localize_bindings(node: DOMNode) -> None:
    """Relabel `node`'s bindings from the catalogue (bindings without an id are kept)."""
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        relabeled = []
        for binding in bindings:
            if binding.id:
                description, tooltip = _label(binding)
                binding = replace(
                    binding, description=description, tooltip=tooltip, group=_group(binding)
                )
            elif binding.action == "command_palette":  # Textual's own, added without an id
                binding = replace(
                    binding, description=t("palette.key"), tooltip=t("palette.key.tip")
                )
            relabeled.append(binding)
        table[key] = relabeled


def relabel_binding(node: DOMNode, binding_id: str, description: str) -> None:
    """Label `node`'s binding `binding_id` with `description` (a label that depends on what
    the screen is for, such as its OK button's text)."""
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [
            replace(b, description=description) if b.id == binding_id else b for b in bindings
        ]


class FieldCommands(Provider):
    """Every action with a key on the current screen, by its label in the current language.
    Its English label finds it too (`ledger` for 导出台账), in either language, and a
    Chinese label its pinyin (`tongbu` or `tb` for 同步), typed without switching the input
    method; those come after every match of the text itself."""

    def _commands(self) -> list[tuple[str, str, str, str, DOMNode]]:
        seen: set[tuple[int, str]] = set()
        commands = []
        for namespace, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if not enabled or not binding.id or binding.action == "command_palette":
                continue
            marker = (id(namespace), binding.action)
            if marker in seen:
                continue
            seen.add(marker)
            description, tooltip = _label(binding)
            if not description:  # a hidden stand-in (a key refused to this role): no name
                continue
            key = self.app.get_key_display(binding)
            english = text_in("en", f"binding.{binding.id}") or ""
            label = t("app.aside", text=description, aside=key)  # 同步（F9）, Sync (F9)
            commands.append((label, tooltip, english, binding.action, namespace))
        return sorted(commands, key=lambda c: c[0])

    def _run(self, action: str, namespace: DOMNode) -> None:
        self.app.call_later(self.app.run_action, action, namespace)

    async def startup(self) -> None:
        # The palette opens: pypinyin is imported now, off the event loop, in the Chinese UI
        # (never at the app's start, nor in English). Searches wait for this.
        if language() == "zh":
            await asyncio.to_thread(load_pinyin)

    async def discover(self) -> Hits:
        for label, help_text, _english, action, namespace in self._commands():
            yield DiscoveryHit(label, partial(self._run, action, namespace), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        # In Chinese only: the English UI, whose one Chinese label is 中文 (f9), is unchanged.
        by_pinyin = language() == "zh"
        for label, help_text, english, action, namespace in self._commands():
            # The label first; what the command does (its help), its English label and its
            # action name also find it. Failing those, the label's pinyin: scored at most
            # len(query) / 2, below any of them (each scores more than that when it matches).
            score = max(
                matcher.match(label),
                matcher.match(help_text) / 2,
                matcher.match(english),
                matcher.match(action),
            ) or (pinyin_match(query, label) * len(query) / 2 if by_pinyin else 0)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(label),
                    partial(self._run, action, namespace),
                    help=help_text,
                )
