import 'reflect-metadata';
import { getMetadataStorage } from 'class-validator';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';

type Class = new (...args: never[]) => object;

/** One validated property of a request DTO: its field path as errors report it (`[]` for array items) and its constraints. */
export interface ValidatedField {
  dto: string;
  path: string;
  constraints: string[];
}

const NEVER_FAIL = new Set(['conditionalValidation', 'isOptional', 'whitelistValidation']);

/**
 * Every property the API validates, with its path from the request DTO it belongs to: nested
 * DTOs (`committed.production`, `nodes[].kind`) under each parent that names them. Reads the
 * decorators' metadata of the classes loaded so far (load the DTO files first). Used by the tests
 * that keep the label table and the message templates complete.
 */
export function validatedFields(): ValidatedField[] {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Class, Array<{ propertyName: string; name?: string; type: string }>> };
  const classes = [...storage.validationMetadatas.keys()];
  const nested = new Set<Class>();
  const childOf = new Map<string, { type: Class; array: boolean }>();
  for (const cls of classes) {
    for (const m of metadataOf(cls)) {
      if (m.type !== 'nestedValidation') continue;
      const typeFn = defaultMetadataStorage.findTypeMetadata(cls, m.propertyName)?.typeFunction;
      const type = typeFn?.() as Class | undefined;
      if (!type) continue;
      nested.add(type);
      const array = Reflect.getMetadata('design:type', cls.prototype, m.propertyName) === Array;
      childOf.set(`${cls.name}.${m.propertyName}`, { type, array });
    }
  }
  const out: ValidatedField[] = [];
  const walk = (cls: Class, dto: string, prefix: string, depth: number): void => {
    const byProperty = new Map<string, Set<string>>();
    for (const m of metadataOf(cls)) {
      const names = byProperty.get(m.propertyName) ?? new Set<string>();
      const name = m.name ?? m.type;
      if (!NEVER_FAIL.has(name) && !NEVER_FAIL.has(m.type)) names.add(m.type === 'nestedValidation' ? 'nestedValidation' : name);
      byProperty.set(m.propertyName, names);
    }
    for (const [property, constraints] of byProperty) {
      const path = `${prefix}${property}`;
      out.push({ dto, path, constraints: [...constraints] });
      const child = childOf.get(`${cls.name}.${property}`) ?? inheritedChild(cls, property, childOf);
      if (child && depth < 5) walk(child.type, dto, `${path}${child.array ? '[]' : ''}.`, depth + 1);
    }
  };
  for (const cls of classes) if (!nested.has(cls)) walk(cls, cls.name, '', 0);
  return out;
}

function metadataOf(cls: Class) {
  return getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);
}

function inheritedChild(cls: Class, property: string, childOf: Map<string, { type: Class; array: boolean }>) {
  for (let p = Object.getPrototypeOf(cls); p && p !== Function.prototype; p = Object.getPrototypeOf(p)) {
    const found = childOf.get(`${(p as Class).name}.${property}`);
    if (found) return found;
  }
  return undefined;
}
