import 'reflect-metadata';
import { getMetadataStorage } from 'class-validator';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fieldLabel, hasFieldLabel } from '@zs/domain';
import { hasConstraintTemplate } from '../validation/constraint-messages';
import { REFERENCE_DATA } from '../../modules/reference-data/reference-data';
import { validatedFields, type ValidatedField } from './validated-fields';

/** Every source file of the API that declares validation rules (DTOs, query classes, decorators). */
function validationSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return validationSources(path);
    if (!name.endsWith('.ts') || name.endsWith('.spec.ts') || name.endsWith('.d.ts') || name.endsWith('.main.ts')) return [];
    return /from 'class-validator'|\b(IsText|IsOptionalText|IsDateShape|IsJsonNumber|ZhText|OrgText)\(/.test(readFileSync(path, 'utf8')) ? [path] : [];
  });
}

let fields: ValidatedField[] = [];

beforeAll(async () => {
  // Loading every DTO registers its decorators, as the running API does.
  for (const file of validationSources(join(__dirname, '..', '..'))) await import(file);
  fields = validatedFields();
});

describe('the request fields the API validates', () => {
  it('are found (the walk loads the DTOs)', () => {
    expect(fields.length).toBeGreaterThan(200);
    expect(fields.map((f) => f.path)).toEqual(expect.arrayContaining(['companyName', 'committed.production', 'nodes[].kind', 'warnings[].fraction', 'targets.leads']));
  });

  it('each have a label in the one table (libs/domain/src/i18n/field-labels.ts)', () => {
    const missing = [...new Set(fields.filter((f) => !hasFieldLabel(f.path)).map((f) => `${f.dto}: ${f.path}`))];
    expect(missing).toEqual([]);
  });

  it("each have a label that is not the field's code in Chinese", () => {
    const untranslated = fields.filter((f) => fieldLabel(f.path.replace(/\[\]/g, '[0]'), 'zh-CN') === f.path.split('.').at(-1));
    expect(untranslated).toEqual([]);
  });

  it('accept only enum codes that GET /reference-data labels (sort keys, file formats and parameter words aside)', () => {
    const labelled = Object.values(REFERENCE_DATA).map((list: Array<{ code: string; label: string }>) => new Map(list.map((c) => [c.code, c.label])));
    const technical = /^-?(registeredAt|updatedAt|estimatedInvestmentYi|investment|signedOn|companyName)$|^(csv|xlsx|json|hours|working_days|due_date|policy|calendar|all|project|true|false)$/;
    const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<object, Array<{ name?: string; constraints?: unknown[] }>> };
    const unlabelled = new Set<string>();
    for (const metas of storage.validationMetadatas.values()) {
      for (const m of metas) {
        if (m.name !== 'isIn') continue;
        const codes = (m.constraints?.[0] as unknown[]).map(String).filter((c) => !technical.test(c));
        if (codes.length > 0 && !labelled.some((list) => codes.every((c) => list.get(c)))) unlabelled.add(codes.join(','));
      }
    }
    expect([...unlabelled]).toEqual([]);
  });

  it('fail only with constraints that have a message template in both languages', () => {
    const unworded = [...new Set(fields.flatMap((f) => f.constraints.filter((c) => !hasConstraintTemplate(c)).map((c) => `${f.dto}.${f.path}: ${c}`)))];
    expect(unworded).toEqual([]);
  });
});
