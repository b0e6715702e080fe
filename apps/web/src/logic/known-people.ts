/** A person a form may name (项目专员, 节点责任人, 项目负责人): their user id and name. */
export interface KnownPerson {
  userId: string;
  name: string;
}

/** What of a project names people. */
export interface PeopleProject {
  handover: { commissioner: { userId: string; name: string } | null } | null;
  construction: { nodes: readonly { responsible: { userId: string; name: string } }[] } | null;
  ownership: { owner: { userId: string; displayName?: string } | null } | null;
}

/**
 * The people a form offers to name, without a staff directory (the API has none for non-
 * administrators): the user themself first, then whoever the project already names (its
 * commissioner, the nodes' responsible people, its owner). Each person once; the API checks that
 * the one chosen is an active user of the right role.
 */
export function knownPeople(project: PeopleProject, me: { id: string; displayName: string }): KnownPerson[] {
  const people: KnownPerson[] = [{ userId: me.id, name: me.displayName }];
  const add = (userId: string | undefined, name: string | undefined) => {
    if (userId && name && !people.some((p) => p.userId === userId)) people.push({ userId, name });
  };
  add(project.handover?.commissioner?.userId, project.handover?.commissioner?.name);
  for (const node of project.construction?.nodes ?? []) add(node.responsible.userId, node.responsible.name);
  add(project.ownership?.owner?.userId, project.ownership?.owner?.displayName);
  return people;
}
