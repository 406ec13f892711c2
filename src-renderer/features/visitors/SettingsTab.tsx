import { useEffect, useState, type FormEvent } from 'react';
import type { VisitorSettings } from '@shared/contract';
import { ApiError } from '../../lib/api';
import { useCall, useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useI18n, type T } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { ErrorNote, OkNote } from '../../app/ui/Notes';
import type { MsgKey } from '../../app/i18n/dict';
import { focusField } from './keys';
import { RetentionRun } from './RetentionRun';

type Num = 'retentionDays' | 'visitHours' | 'visitMaxHours' | 'workerPassMaxDays' | 'removalMaxDaysAhead';
const NUMS: { key: Num; label: MsgKey; hint: MsgKey; min: number; max: number }[] = [
  { key: 'retentionDays', label: 'vis.s.retentionDays', hint: 'vis.s.retentionHint', min: 1, max: 1095 },
  { key: 'visitHours', label: 'vis.s.visitHours', hint: 'vis.s.hoursHint', min: 1, max: 24 },
  { key: 'visitMaxHours', label: 'vis.s.visitMaxHours', hint: 'vis.s.hoursHint', min: 1, max: 72 },
  { key: 'workerPassMaxDays', label: 'vis.s.workerMaxDays', hint: 'vis.s.daysHint', min: 1, max: 180 },
  { key: 'removalMaxDaysAhead', label: 'vis.s.removalAhead', hint: 'vis.s.daysHint', min: 0, max: 90 },
];

/** What is collected and for how long, in English (the core words it in Chinese; the Chinese screen shows the core's words). */
function englishNotice(s: VisitorSettings, t: T): string[] {
  return [
    t('vis.s.notice.visit', { doc: t(s.fullDocumentNumber ? 'vis.s.notice.docFull' : 'vis.s.notice.docLast4') }),
    t('vis.s.notice.passes'),
    t('vis.s.notice.kept', { days: s.retentionDays }),
    t('vis.s.notice.refusals'),
    t('vis.s.notice.summary'),
  ];
}

/**
 * 访客设置 (supervisors see it, the administrator changes it): what is collected and for how long, in plain words;
 * the retention period (90 days by default), the whole document number or the last four, the room or the building
 * only on a visitor pass, a visitor pass's default and longest validity, a worker pass's longest, printed passes
 * or pre-printed forms, how far ahead a removal pass may be issued; the administrator can run the erasure now.
 */
export function SettingsTab({ canSave }: { canSave: boolean }) {
  const { t, lang } = useI18n();
  const send = useSend();
  const action = useAction();
  const q = useCall('visitors.settings.get', {});
  const [d, setD] = useState<VisitorSettings | null>(null);
  const [nums, setNums] = useState<Record<Num, string>>({
    retentionDays: '',
    visitHours: '',
    visitMaxHours: '',
    workerPassMaxDays: '',
    removalMaxDaysAhead: '',
  });
  const [saved, setSaved] = useState<string | null>(null);
  const s = q.data;

  useEffect(() => {
    if (!s || d) return;
    const { notice: _notice, ...plain } = s;
    setD(plain);
    setNums({
      retentionDays: String(s.retentionDays),
      visitHours: String(s.visitHours),
      visitMaxHours: String(s.visitMaxHours),
      workerPassMaxDays: String(s.workerPassMaxDays),
      removalMaxDaysAhead: String(s.removalMaxDaysAhead),
    });
  }, [s, d]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    return action.start({
      check: () => {
        for (const n of NUMS) {
          const v = Number(nums[n.key]);
          if (nums[n.key].trim() === '' || !Number.isInteger(v) || v < n.min || v > n.max)
            return (focusField(n.key), t('vis.s.range', { what: t(n.label), min: n.min, max: n.max }));
        }
        if (Number(nums.visitHours) > Number(nums.visitMaxHours)) return (focusField('visitHours'), t('vis.s.defaultOverMax'));
        return null;
      },
      run: async () => {
        if (!d) return;
        try {
          const r = await send('visitors.settings.save', {
            ...d,
            retentionDays: Number(nums.retentionDays),
            visitHours: Number(nums.visitHours),
            visitMaxHours: Number(nums.visitMaxHours),
            workerPassMaxDays: Number(nums.workerPassMaxDays),
            removalMaxDaysAhead: Number(nums.removalMaxDaysAhead),
          });
          setSaved(t('vis.s.saved', { days: r.retentionDays }));
        } catch (err) {
          if (err instanceof ApiError && err.field) focusField(err.field);
          throw err;
        }
      },
    });
  };

  const notice = s ? (lang === 'en' ? englishNotice(s, t) : s.notice) : [];
  return (
    <div className="vis-settings">
      <section className="notice-card vis-privacy" aria-labelledby="vis-privacy-title" data-testid="privacy-notice">
        <h2 id="vis-privacy-title" className="section-title">
          {t('vis.s.noticeTitle')}
        </h2>
        {s ? (
          <p className="vis-retention" data-testid="retention-days">
            {t('vis.s.keptFor', { days: s.retentionDays })}
          </p>
        ) : null}
        <ul>
          {notice.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
      <ErrorBox error={q.error} />
      {d ? (
        <form className="form vis-settings-form" onSubmit={(e) => void submit(e)} aria-labelledby="vis-settings-title">
          <h2 id="vis-settings-title" className="section-title">
            {t('vis.s.title')}
          </h2>
          {!canSave ? <p className="hint">{t('vis.s.adminOnly')}</p> : null}
          <fieldset disabled={!canSave || action.busy} className="fieldset-plain">
            <div className="vis-grid">
              {NUMS.map((n) => (
                <label key={n.key} className="field">
                  <span className="field-label">{t(n.label)}</span>
                  <input
                    name={n.key}
                    type="number"
                    min={n.min}
                    max={n.max}
                    value={nums[n.key]}
                    onChange={(e) => setNums((x) => ({ ...x, [n.key]: e.target.value }))}
                  />
                  <span className="field-hint">{t(n.hint, { min: n.min, max: n.max })}</span>
                </label>
              ))}
            </div>
            <label className="check">
              <input
                type="checkbox"
                name="fullDocumentNumber"
                checked={d.fullDocumentNumber}
                onChange={(e) => setD({ ...d, fullDocumentNumber: e.target.checked })}
              />
              <span>{t('vis.s.fullDoc')}</span>
            </label>
            <p className="field-hint">{t('vis.s.fullDocHint')}</p>
            <label className="check">
              <input type="checkbox" name="buildingOnly" checked={!d.passShowsRoom} onChange={(e) => setD({ ...d, passShowsRoom: !e.target.checked })} />
              <span>{t('vis.s.buildingOnly')}</span>
            </label>
            <div>
              <span className="field-label" id="vis-s-mode">
                {t('vis.s.workerMode')}
              </span>
              <div className="seg-group" role="radiogroup" aria-labelledby="vis-s-mode">
                {(['printed', 'forms'] as const).map((m) => (
                  <label key={m} className="seg">
                    <input type="radio" name="workerPassMode" checked={d.workerPassMode === m} onChange={() => setD({ ...d, workerPassMode: m })} />
                    <span>{t(m === 'printed' ? 'vis.s.modePrinted' : 'vis.s.modeForms')}</span>
                  </label>
                ))}
              </div>
            </div>
          </fieldset>
          <ErrorNote text={action.checkError} />
          <ErrorBox error={action.error} />
          <OkNote text={saved} />
          {canSave ? (
            <div className="vis-actions">
              <button type="submit" className="btn primary" disabled={action.busy}>
                {action.busy ? t('common.working') : t('vis.s.save')}
              </button>
            </div>
          ) : null}
        </form>
      ) : null}
      {canSave ? <RetentionRun days={s?.retentionDays ?? 90} /> : null}
    </div>
  );
}
