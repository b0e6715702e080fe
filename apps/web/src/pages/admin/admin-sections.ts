/**
 * The sections of 系统管理, each at its own address (/ui/admin/<section>) so a link or a reload
 * lands on the same tab. The first one is where /ui/admin itself leads.
 */
export const ADMIN_SECTIONS = ['users', 'departments', 'teams', 'chains', 'sla', 'calendar', 'webhooks', 'outbox', 'imports'] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

/** The section a path below /admin names ('users', 'calendar/…'), or the first one for anything else. */
export function sectionOfPath(rest: string | undefined): AdminSection {
  const first = (rest ?? '').split('/').find((part) => part !== '') ?? '';
  return (ADMIN_SECTIONS as readonly string[]).includes(first) ? (first as AdminSection) : ADMIN_SECTIONS[0];
}
