import { useState, type FormEvent } from 'react';
import type { ServiceSettings } from '@shared/contract';
import { useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { ErrorNote, OkNote } from '../../app/ui/Notes';
import { KIND_LABEL } from './labels';

const KINDS = ['repair', 'complaint', 'suggestion', 'enquiry'] as const;

/** 设置 (supervisor): the departments to dispatch to and the dispatch target of each kind, in minutes. */
/** Saved settings come back to the area with the refresh of requests.settings.get. */
export function ServiceSettingsForm({ settings }: { settings: ServiceSettings }) {
  const { t } = useI18n();
  const [departments, setDepartments] = useState(settings.departments.join('、'));
  const [targets, setTargets] = useState<Record<string, string>>(Object.fromEntries(KINDS.map((k) => [k, String(settings.targets[k])])));
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const send = useSend();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const list = departments
      .split(/[、,，\s]+/)
      .map((d) => d.trim())
      .filter(Boolean);
    const nums = KINDS.map((k) => Number(targets[k]));
    return action.start({
      check: () => (list.length === 0 ? t('svc.set.needDept') : nums.some((n) => !Number.isInteger(n) || n < 1 || n > 10080) ? t('svc.set.badTarget') : null),
      run: async () => {
        await send('requests.settings.save', {
          departments: list,
          targets: { repair: nums[0] as number, complaint: nums[1] as number, suggestion: nums[2] as number, enquiry: nums[3] as number },
        });
        setSaved(true);
      },
    });
  };

  return (
    <form className="card form svc-settings" onSubmit={(e) => void submit(e)}>
      <label className="field">
        <span className="field-label">{t('svc.set.departments')}</span>
        <input name="svc-departments" autoComplete="off" value={departments} onChange={(e) => setDepartments(e.target.value)} />
        <span className="field-hint">{t('svc.set.departmentsHint')}</span>
      </label>
      <fieldset className="fieldset">
        <legend>{t('svc.set.targets')}</legend>
        <div className="grid-3">
          {KINDS.map((k) => (
            <label key={k} className="field">
              <span className="field-label">{t(KIND_LABEL[k])}</span>
              <input
                name={`svc-target-${k}`}
                inputMode="numeric"
                value={targets[k] ?? ''}
                onChange={(e) => setTargets((x) => ({ ...x, [k]: e.target.value }))}
              />
            </label>
          ))}
        </div>
      </fieldset>
      <ErrorNote text={action.checkError} />
      <ErrorBox error={action.error} />
      <OkNote text={saved ? t('common.saved') : null} />
      <div className="form-actions">
        <button type="submit" className="btn primary big" disabled={action.busy}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
