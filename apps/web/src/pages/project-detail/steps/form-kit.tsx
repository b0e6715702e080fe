import { DatePicker, type FormItemProps } from 'antd';
import type { Rule } from 'antd/es/form';
import { fieldLabel } from '@zs/domain';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useI18n } from '../../../i18n/I18nProvider';
import type { MessageKey } from '../../../i18n/messages';
import type { RuleProblem } from '../../../logic/step-form-rules';

/** A check of one value: a problem or null (the rules of logic/step-form-rules.ts). */
type Check = (value: unknown) => RuleProblem | null;

/**
 * What every step form uses: field labels from the domain's one table (the same names the API's
 * messages use), and the client-side rules turned into Ant Design rules with Chinese messages.
 */
export function useFormKit() {
  const { t, locale } = useI18n();
  return useMemo(() => {
    const problemText = (problem: RuleProblem, label: string) => t(problem.key as MessageKey, { label, ...('params' in problem ? problem.params : {}) });
    /** A rule from a check; `label` names the field in its message. */
    const rule = (label: string, check: Check): Rule => ({
      validator: (_, value) => {
        const problem = check(value);
        return problem ? Promise.reject(new Error(problemText(problem, label))) : Promise.resolve();
      },
    });
    return {
      t,
      locale,
      /** The field's name as the API's messages say it: `committed.production` → 承诺投产日期. */
      label: (path: string) => fieldLabel(path, locale),
      rule,
      /** Required: antd's own rule, with the console's message (blank text counts as missing). */
      required: (label: string): Rule => ({ required: true, whitespace: true, message: t('step.rule.required', { label }) }),
    };
  }, [t, locale]);
}

/** A date field whose form value is the API's 'YYYY-MM-DD' string (the picker works with dayjs). */
export const DATE_ITEM: Pick<FormItemProps, 'getValueProps' | 'normalize'> = {
  getValueProps: (value: string | undefined) => ({ value: value ? dayjs(value) : undefined }),
  normalize: (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : undefined),
};

export function DateInput(props: { value?: Dayjs; onChange?: (value: Dayjs | null) => void; id?: string }) {
  return <DatePicker {...props} format="YYYY-MM-DD" style={{ width: '100%' }} />;
}
