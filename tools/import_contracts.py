"""A contract type for import-linter: no circle of imports between any two modules.

`acyclic_siblings` (import-linter's own) compares packages; this one follows the imports module
by module, so a circle is reported with the modules it passes through, whatever package holds
them. Registered in `.importlinter` (`contract_types`), run by `make lint`.
"""

import sys

from importlinter import Contract, ContractCheck, fields, output


class AcyclicModulesContract(Contract):
    type_name = "acyclic_modules"

    containers = fields.ListField(subfield=fields.StringField())

    def check(self, graph, verbose: bool) -> ContractCheck:
        prefixes = tuple(self.containers)  # type: ignore[arg-type]
        modules = sorted(m for m in graph.modules if m.split(".")[0] in prefixes)
        circles = _strongly_connected(
            modules,
            lambda m: sorted(w for w in graph.find_modules_directly_imported_by(m) if w in modules),
        )
        return ContractCheck(kept=not circles, metadata={"circles": circles})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for circle in check.metadata["circles"]:
            output.print_error("These modules import each other in a circle:", bold=False)
            for module in circle:
                output.indent_cursor()
                output.print_error(f"- {module}", bold=False)
            output.new_line()


def _strongly_connected(nodes: list[str], successors) -> list[list[str]]:
    """Tarjan's algorithm: the groups of two or more modules that reach each other."""
    sys.setrecursionlimit(max(10_000, sys.getrecursionlimit()))
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in successors(node):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in nodes:
        if node not in index:
            visit(node)
    return sorted(groups)
