/** The fields of a department the tree needs (DepartmentViewDto has more). */
export interface DepartmentLike {
  id: string;
  name: string;
  code: string;
  parentId: string | null;
}

export interface DepartmentNode<D extends DepartmentLike> {
  department: D;
  children: DepartmentNode<D>[];
}

/**
 * Departments as the hierarchy they form, siblings by name (zh collation). A department whose
 * parent is not in the list (filtered out, or a loop in bad data) is shown at the top rather
 * than lost: every department appears exactly once.
 */
export function departmentTree<D extends DepartmentLike>(departments: readonly D[]): DepartmentNode<D>[] {
  const byId = new Map(departments.map((d) => [d.id, d]));
  const children = new Map<string | null, D[]>();
  for (const d of departments) {
    const parent = d.parentId && byId.has(d.parentId) && !inLoop(d, byId) ? d.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), d]);
  }
  const build = (parent: string | null): DepartmentNode<D>[] =>
    [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')).map((department) => ({ department, children: build(department.id) }));
  return build(null);
}

/** Whether following parents from `d` comes back to `d` (such a department is shown at the top). */
function inLoop(d: DepartmentLike, byId: ReadonlyMap<string, DepartmentLike>): boolean {
  const seen = new Set<string>();
  for (let at = d.parentId; at; at = byId.get(at)?.parentId ?? null) {
    if (at === d.id) return true;
    if (seen.has(at)) return false;
    seen.add(at);
  }
  return false;
}

/** The ids of `id` and everything below it: a department cannot move under one of these. */
export function selfAndDescendants<D extends DepartmentLike>(departments: readonly D[], id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of departments) {
      if (d.parentId && out.has(d.parentId) && !out.has(d.id)) {
        out.add(d.id);
        grew = true;
      }
    }
  }
  return out;
}
