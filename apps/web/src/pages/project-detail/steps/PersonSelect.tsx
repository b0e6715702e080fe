import { Form, Input, Select } from 'antd';
import type { KnownPerson } from '../../../logic/known-people';
import { useFormKit } from './form-kit';

/** The choice of "someone else", entered by their user id (the API checks who it is). */
export const OTHER_PERSON = '__other__';

/**
 * Picks a person to name: someone the project already knows (or the user), or someone else by
 * user id and name. `idField` and `nameField` are the API's fields, so its refusal of a person
 * ("not an active user of the right role") shows next to them.
 */
export function PersonFields({ known, label, idField, nameField, choiceField }: { known: KnownPerson[]; label: string; idField: string; nameField: string; choiceField: string }) {
  const kit = useFormKit();
  const form = Form.useFormInstance();
  const choice = Form.useWatch(choiceField, form) as string | undefined;
  return (
    <>
      <Form.Item name={choiceField} label={label} rules={[kit.required(label)]}>
        <Select
          options={[
            ...known.map((p, i) => ({ value: p.userId, label: i === 0 ? kit.t('step.person.me', { name: p.name }) : p.name })),
            { value: OTHER_PERSON, label: kit.t('step.person.other') },
          ]}
        />
      </Form.Item>
      {choice === OTHER_PERSON ? (
        <>
          <Form.Item name={nameField} label={kit.label(nameField)} rules={[kit.required(kit.label(nameField))]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name={idField} label={kit.t('step.person.userId')} rules={[kit.required(kit.t('step.person.userId'))]} extra={kit.t('step.person.userIdHint')}>
            <Input maxLength={100} />
          </Form.Item>
        </>
      ) : null}
    </>
  );
}

/** The person a PersonFields choice names: a known person, or the one entered. */
export function chosenPerson(known: KnownPerson[], choice: string, enteredId?: string, enteredName?: string): KnownPerson {
  if (choice === OTHER_PERSON) return { userId: (enteredId ?? '').trim(), name: (enteredName ?? '').trim() };
  return known.find((p) => p.userId === choice) ?? { userId: choice, name: '' };
}
