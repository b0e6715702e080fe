import { departmentTree, selfAndDescendants } from './department-tree';

const dept = (id: string, name: string, parentId: string | null = null) => ({ id, name, code: id, parentId });

describe('departmentTree', () => {
  it('nests departments under their parent, siblings by name', () => {
    const tree = departmentTree([dept('c', '招商二科', 'a'), dept('a', '经济合作局'), dept('b', '招商一科', 'a'), dept('d', '项目服务局')]);
    expect(tree.map((n) => [n.department.name, n.children.map((c) => c.department.name)])).toEqual([
      // By pinyin: 二 (èr) before 一 (yī).
      ['经济合作局', ['招商二科', '招商一科']],
      ['项目服务局', []],
    ]);
  });

  it('shows a department whose parent is missing, or that is in a loop, at the top: none is lost', () => {
    const tree = departmentTree([dept('x', '孤立科室', 'gone'), dept('p', '甲', 'q'), dept('q', '乙', 'p')]);
    const names = (nodes: ReturnType<typeof departmentTree>): string[] => nodes.flatMap((n) => [n.department.name, ...names(n.children)]);
    expect(names(tree).sort()).toEqual(['乙', '孤立科室', '甲'].sort());
    expect(tree.map((n) => n.department.name)).toContain('孤立科室');
  });
});

describe('selfAndDescendants', () => {
  it('is the department and everything below it, not its parent or siblings', () => {
    const all = [dept('a', 'A'), dept('b', 'B', 'a'), dept('c', 'C', 'b'), dept('d', 'D', 'a'), dept('e', 'E')];
    expect([...selfAndDescendants(all, 'b')].sort()).toEqual(['b', 'c']);
    expect([...selfAndDescendants(all, 'a')].sort()).toEqual(['a', 'b', 'c', 'd']);
  });
});
