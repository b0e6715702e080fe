import { departmentTree, type DepartmentLike, type DepartmentNode } from '../department-tree';

interface TreeOption {
  value: string;
  title: string;
  disabled?: boolean;
  children: TreeOption[];
}

/** Departments as the options of a TreeSelect (name, code beside it); `disabled` ids cannot be picked. */
export function departmentTreeData<D extends DepartmentLike>(departments: readonly D[], disabled: ReadonlySet<string> = new Set()): TreeOption[] {
  const toOption = (node: DepartmentNode<D>): TreeOption => ({
    value: node.department.id,
    title: node.department.name,
    disabled: disabled.has(node.department.id),
    children: node.children.map(toOption),
  });
  return departmentTree(departments).map(toOption);
}
