import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { STAGE_LABELS, STAGES } from '../stages';
import { AUDIT_ACTION_LABELS, auditActionLabel, HISTORY_SUBJECT_KINDS, HISTORY_SUBJECT_LABELS } from './action-labels';
import { ADMIN_ACTION_LABELS, adminActionLabel } from './admin-action-labels';

/** A dotted code such as `intake.accepted`. */
const CODE = /'([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+)'/g;

const ROOT = resolve(__dirname, '../../../..');
/** Where audit actions are produced: the pure transitions, the step catalogue, and the workflows and activities around them. */
const EMITTING_DIRS = ['libs/domain/src', 'libs/contracts/src', 'workflows/src', 'activities/src'].map((d) => join(ROOT, d));
/** Where administrators' actions are recorded (admin_audit_events). */
const ADMIN_DIRS = ['apps/api/src', 'libs/persistence/src'].map((d) => join(ROOT, d));

describe('AUDIT_ACTION_LABELS', () => {
  const codes = emittedActionCodes(EMITTING_DIRS.flatMap(sourceFiles).map((f) => readFileSync(f, 'utf8')));

  it('finds the action codes of the lifecycle in the source (the scan itself works)', () => {
    for (const known of ['lead.registered', 'intake.accepted', 'intake.rejected', 'negotiation.lost', 'sla.warning', 'sla.escalated', 'sla.paused', 'service.request_raised', 'service.request_closed']) {
      expect(codes).toContain(known);
    }
    expect(codes.size).toBeGreaterThanOrEqual(30);
  });

  it('labels every action code the domain, workflows and activities emit', () => {
    const unlabelled = [...codes].filter((code) => !AUDIT_ACTION_LABELS[code]);
    expect(unlabelled).toEqual([]);
  });

  it("labels issue 10's new steps", () => {
    for (const code of ['project.ownership_reassigned', 'funds.recorded', 'project.visit_recorded', 'tax.first_recorded', 'project.imported']) {
      expect(AUDIT_ACTION_LABELS[code]).toMatch(/\p{Script=Han}/u);
    }
  });

  it('labels in Chinese, one distinct label per code', () => {
    const labels = Object.values(AUDIT_ACTION_LABELS);
    for (const label of labels) expect(label).toMatch(/\p{Script=Han}/u);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('shows an unknown code as itself rather than dropping it', () => {
    expect(auditActionLabel('intake.accepted')).toBe('研判通过，予以承接');
    expect(auditActionLabel('some.future_action')).toBe('some.future_action');
  });

  it('has a label for every stage and both subjects of a history', () => {
    for (const stage of STAGES) expect(STAGE_LABELS[stage]).toMatch(/\p{Script=Han}/u);
    expect(HISTORY_SUBJECT_KINDS.map((k) => HISTORY_SUBJECT_LABELS[k])).toEqual(['项目', '服务请求']);
  });

  describe("administrators' actions", () => {
    const adminCodes = emittedActionCodes(ADMIN_DIRS.flatMap(sourceFiles).map((f) => readFileSync(f, 'utf8')));

    it('labels every action code the API records in admin_audit_events', () => {
      expect(adminCodes).toContain('user.password_reset');
      expect(adminCodes).toContain('calendar.override_set');
      expect([...adminCodes].filter((code) => !ADMIN_ACTION_LABELS[code])).toEqual([]);
    });

    it('labels in Chinese and shows an unknown code as itself', () => {
      for (const label of Object.values(ADMIN_ACTION_LABELS)) expect(label).toMatch(/\p{Script=Han}/u);
      expect(adminActionLabel('user.password_reset')).toBe('重置用户密码');
      expect(adminActionLabel('x.unknown')).toBe('x.unknown');
    });
  });

  describe('the scan', () => {
    it('reads ternaries, helper arguments at the action position and action types (a union of codes counts too)', () => {
      const source = `
        function next(state: S, patch: P, at: number, actor: A, action: string, payload: object) { return 1; }
        const other = (x: number, action: 'a.b' | 'c.d') => x;
        next(s, { stage: 'x' }, now, actor, cmd.ok ? 'alpha.one' : 'alpha.two', { note: 'not.an_action' });
        other(1, 'beta.one');
        const entry = { action: 'gamma.one', kind: 'not.counted' };
        export const EPSILON_DONE = 'epsilon.done';
        next(s, {}, now, actor, EPSILON_DONE, {});
        const step = { auditActions: ['zeta.one', 'zeta.two'] };
        const multi = {
          action: flag
            ? 'delta.one'
            : 'delta.two',
        };`;
      expect([...emittedActionCodes([source])].sort()).toEqual(['a.b', 'alpha.one', 'alpha.two', 'beta.one', 'c.d', 'delta.one', 'delta.two', 'epsilon.done', 'gamma.one', 'zeta.one', 'zeta.two']);
    });
  });
});

// --- The scan: every audit action code the source can emit. ---

/** Every `.ts` file under `dir` but specs. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Functions with a parameter named `action` (a string or a union of codes): name → its position. */
function actionParameterPositions(sources: readonly string[]): Map<string, number> {
  const positions = new Map<string, number>();
  const declaration =
    /(?:function\s+([A-Za-z0-9_$]+)\s*(?:<[^>()]*>)?|(?:const|let)\s+([A-Za-z0-9_$]+)\s*=\s*(?:async\s*)?(?:<[^>()]*>)?|^\s*(?:(?:private|protected|public|static|async)\s+)+([A-Za-z0-9_$]+)\s*(?:<[^>()]*>)?)\s*\(/gm;
  for (const text of sources) {
    for (const m of text.matchAll(declaration)) {
      const params = splitArguments(text, m.index + m[0].length - 1);
      const index = params.findIndex((p) => /^\s*action\s*\??\s*:/.test(p) && /string|'/.test(p));
      if (index >= 0) positions.set(m[1] ?? m[2] ?? m[3], index);
    }
  }
  return positions;
}

/** The codes given as an `action:` / `auditActions:` property or as the argument at an action position of a call, literally or by a named constant. */
function emittedActionCodes(sources: readonly string[]): Set<string> {
  const positions = actionParameterPositions(sources);
  const codes = new Set<string>();
  const constants = codeConstants(sources);
  const add = (fragment: string): void => {
    for (const m of fragment.matchAll(CODE)) codes.add(m[1]);
    for (const m of fragment.matchAll(/\b[A-Z][A-Z0-9_]*\b/g)) if (constants.has(m[0])) codes.add(constants.get(m[0])!);
  };
  for (const text of sources) {
    for (const m of text.matchAll(/\b(?:action|auditActions?)\s*:\s*/g)) add(propertyValue(text, m.index + m[0].length));
    for (const [name, index] of positions) {
      for (const m of text.matchAll(new RegExp(`(?<![A-Za-z0-9_$.])(?:this\\.)?${name.replace(/\$/g, '\\$')}\\s*\\(`, 'g'))) {
        const args = splitArguments(text, m.index + m[0].length - 1);
        if (args[index] !== undefined) add(args[index]);
      }
    }
  }
  return codes;
}

/** `const FUNDS_RECORDED = 'funds.recorded'`: a code named once and passed by its name. */
function codeConstants(sources: readonly string[]): Map<string, string> {
  const constants = new Map<string, string>();
  for (const text of sources) {
    for (const m of text.matchAll(/\bconst\s+([A-Z][A-Z0-9_]*)\s*(?::\s*[A-Za-z]+\s*)?=\s*'([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+)'/g)) constants.set(m[1], m[2]);
  }
  return constants;
}

/** The top-level comma-separated pieces between the parenthesis at `open` and its match. */
function splitArguments(text: string, open: number): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"' || c === '`') i = endOfString(text, i);
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (--depth === 0) return [...pieces, text.slice(start, i)];
    } else if (c === ',' && depth === 1) {
      pieces.push(text.slice(start, i));
      start = i + 1;
    }
  }
  return pieces;
}

/** An object property's value from `from` to its `,`, `;` or closing bracket. */
function propertyValue(text: string, from: number): string {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"' || c === '`') i = endOfString(text, i);
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth-- === 0) return text.slice(from, i);
    } else if ((c === ',' || c === ';') && depth === 0) return text.slice(from, i);
  }
  return text.slice(from);
}

function endOfString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === text[start]) return i;
  }
  return text.length;
}
