import { can } from '@zs/domain';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useUser } from '../../auth/SessionProvider';

export interface PickOption {
  value: string;
  label: string;
}

/** The choices of 项目库's filters and the lead form: the organisation (departments, teams, chains), campaigns and people. */
export interface PickLists {
  departments: PickOption[];
  teams: PickOption[];
  /** By name: projects record their chain by its registered name. */
  chains: PickOption[];
  campaigns: PickOption[];
  /** Accounts when the caller may read them; otherwise the people named in campaigns, and the caller. */
  people: PickOption[];
}

const EMPTY: PickLists = { departments: [], teams: [], chains: [], campaigns: [], people: [] };

const byLabel = (a: PickOption, b: PickOption) => a.label.localeCompare(b.label, 'zh-CN');

function uniquePeople(people: PickOption[]): PickOption[] {
  return [...new Map(people.map((p) => [p.value, p])).values()].sort(byLabel);
}

/**
 * Reads the pick lists once per page visit. A list the caller may not read, or that fails, is
 * left empty: a filter then simply offers nothing rather than breaking the page.
 */
export function usePickLists(): PickLists {
  const user = useUser();
  const [lists, setLists] = useState<PickLists>(EMPTY);
  useEffect(() => {
    let live = true;
    const quietly = <T,>(call: Promise<T>, fallback: NoInfer<T>): Promise<T> => call.catch(() => fallback);
    const noPage = { items: [], total: 0, page: 1, pageSize: 100 };
    void Promise.all([
      quietly(unwrap(api.GET('/departments', { params: { query: { active: true } } })), []),
      quietly(unwrap(api.GET('/teams', { params: { query: { active: true } } })), []),
      quietly(unwrap(api.GET('/industry-chains', { params: { query: { active: true } } })), []),
      quietly(unwrap(api.GET('/campaigns', { params: { query: { page: 1, pageSize: 100 } } })), noPage),
      can(user.role, 'users.manage')
        ? quietly(unwrap(api.GET('/admin/users', { params: { query: { page: 1, pageSize: 100, active: true } } })), noPage)
        : Promise.resolve(noPage),
    ]).then(([departments, teams, chains, campaigns, accounts]) => {
      if (!live) return;
      const officers = campaigns.items.flatMap((c) => c.officers.map((o) => ({ value: o.id, label: o.displayName })));
      const accountPeople = accounts.items.map((u) => ({ value: u.id, label: `${u.displayName}（${u.roleLabel}）` }));
      setLists({
        departments: departments.map((d) => ({ value: d.id, label: d.name })).sort(byLabel),
        teams: teams.map((t) => ({ value: t.id, label: t.name })).sort(byLabel),
        chains: chains.map((c) => ({ value: c.name, label: c.name })),
        campaigns: campaigns.items.map((c) => ({ value: c.id, label: c.name })),
        people: uniquePeople(accountPeople.length > 0 ? accountPeople : [...officers, { value: user.id, label: user.displayName }]),
      });
    });
    return () => {
      live = false;
    };
  }, [user.id, user.role, user.displayName]);
  return lists;
}
