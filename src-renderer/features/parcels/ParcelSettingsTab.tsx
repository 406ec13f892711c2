import { useState, type FormEvent } from 'react';
import type { ParcelSettings } from '@shared/contract';
import { DEFAULT_WEDGE, WEDGE_LIMITS } from '@shared/scan-wedge';
import { useCall, useSend } from '../../lib/query';
import { roleAtLeast } from '../../lib/roles';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useShell } from '../../app/shell-context';
import { useAction } from '../../app/useAction';
import { Field } from '../../app/ui/Field';
import { ErrorNote, OkNote } from '../../app/ui/Notes';
import { CarrierMemory } from './CarrierMemory';

const int = (s: string): number => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : Number.NaN);
const within = (v: number, [lo, hi]: readonly [number, number]) => Number.isInteger(v) && v >= lo && v <= hi;

/** 快递设置 (supervisor+ saves): overdue days, slip printing, scanner thresholds; the shelves; remembered carriers. */
/** The area reads the settings again after a save (the scanner thresholds apply at once). */
export function ParcelSettingsTab({ settings }: { settings: ParcelSettings | null }) {
  const t = useT();
  const send = useSend();
  const { operator } = useShell();
  const canEdit = roleAtLeast(operator.role, 'supervisor');
  const sc = { ...DEFAULT_WEDGE, ...(settings?.scanner ?? {}) };
  const [days, setDays] = useState(String(settings?.overdueDays ?? 3));
  const [print, setPrint] = useState(settings?.printSlip ?? true);
  const [avg, setAvg] = useState(String(sc.maxAvgMs));
  const [gap, setGap] = useState(String(sc.maxGapMs));
  const [minLen, setMinLen] = useState(String(sc.minLength));
  const [saved, setSaved] = useState(false);
  const action = useAction();

  const save = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const s: ParcelSettings = { overdueDays: int(days), printSlip: print, scanner: { maxAvgMs: int(avg), maxGapMs: int(gap), minLength: int(minLen) } };
    return action.start({
      check: () => {
        if (!within(s.overdueDays, [1, 60])) return t('psettings.daysRange');
        const x = s.scanner ?? DEFAULT_WEDGE;
        if (!within(x.maxAvgMs, WEDGE_LIMITS.maxAvgMs) || !within(x.maxGapMs, WEDGE_LIMITS.maxGapMs) || !within(x.minLength, WEDGE_LIMITS.minLength))
          return t('psettings.scannerRange');
        if (x.maxGapMs < x.maxAvgMs) return t('psettings.gapBelowAvg');
        return null;
      },
      run: async () => {
        await send('parcels.settings.save', s);
        setSaved(true);
      },
    });
  };

  return (
    <div className="parcel-settings">
      <form className="form card" onSubmit={(e) => void save(e)} aria-label={t('psettings.title')}>
        <h2 className="card-head">{t('psettings.title')}</h2>
        {!canEdit ? <p className="hint">{t('psettings.readOnly')}</p> : null}
        <fieldset className="fieldset" disabled={!canEdit}>
          <legend>{t('psettings.stock')}</legend>
          <div className="grid-2">
            <Field label={t('psettings.overdueDays')} hint={t('psettings.overdueHint')}>
              <input name="overdue-days" className="short-input" inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} />
            </Field>
            <label className="check">
              <input type="checkbox" name="print-slip" checked={print} onChange={(e) => setPrint(e.target.checked)} />
              {t('psettings.printSlip')}
            </label>
          </div>
        </fieldset>
        <fieldset className="fieldset" disabled={!canEdit}>
          <legend>{t('psettings.scanner')}</legend>
          <p className="hint">{t('psettings.scannerHint')}</p>
          <div className="grid-3">
            <Field label={t('psettings.maxAvg')} hint={t('psettings.range', { lo: WEDGE_LIMITS.maxAvgMs[0], hi: WEDGE_LIMITS.maxAvgMs[1] })}>
              <input name="scan-avg" inputMode="numeric" value={avg} onChange={(e) => setAvg(e.target.value)} />
            </Field>
            <Field label={t('psettings.maxGap')} hint={t('psettings.range', { lo: WEDGE_LIMITS.maxGapMs[0], hi: WEDGE_LIMITS.maxGapMs[1] })}>
              <input name="scan-gap" inputMode="numeric" value={gap} onChange={(e) => setGap(e.target.value)} />
            </Field>
            <Field label={t('psettings.minLength')} hint={t('psettings.range', { lo: WEDGE_LIMITS.minLength[0], hi: WEDGE_LIMITS.minLength[1] })}>
              <input name="scan-min" inputMode="numeric" value={minLen} onChange={(e) => setMinLen(e.target.value)} />
            </Field>
          </div>
        </fieldset>
        <ErrorNote text={action.checkError} />
        <ErrorBox error={action.error} />
        <OkNote text={saved ? t('common.saved') : null} />
        {canEdit ? (
          <div className="form-actions">
            <button type="submit" className="btn primary big" disabled={action.busy}>
              {t('common.save')}
            </button>
          </div>
        ) : null}
      </form>
      <Shelves canEdit={canEdit} />
      {canEdit ? <CarrierMemory /> : null}
    </div>
  );
}

/** The shelves: code (A), slots, active. A new parcel gets the room's slot, else the first empty one. */
function Shelves({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const send = useSend();
  const shelves = useCall('parcels.shelves.list', {});
  const rows = shelves.data ?? null;
  const [code, setCode] = useState('');
  const [slots, setSlots] = useState('50');
  const [saved, setSaved] = useState<string | null>(null);
  const action = useAction();

  const save = (s: { id?: number; code: string; slots: number; active: boolean; name?: string; sort?: number }) => {
    setSaved(null);
    return action.start({
      check: () => (!/^[A-Za-z]{1,4}$/.test(s.code) ? t('shelves.codeBad') : !within(s.slots, [1, 999]) ? t('shelves.slotsBad') : null),
      run: async () => {
        const r = await send('parcels.shelves.save', { ...s, code: s.code.toUpperCase(), name: s.name ?? '', sort: s.sort ?? 0 });
        setSaved(t('shelves.saved', { code: r.code }));
        setCode('');
      },
    });
  };

  return (
    <section className="card" aria-labelledby="shelves-title">
      <h2 id="shelves-title" className="card-head">
        {t('shelves.title')}
      </h2>
      {rows && rows.length === 0 ? <p className="warn-box">{t('shelves.none')}</p> : null}
      {rows && rows.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th>{t('shelves.code')}</th>
              <th className="num">{t('shelves.slots')}</th>
              <th className="num">{t('shelves.inStock')}</th>
              <th>{t('shelves.state')}</th>
              {canEdit ? <th>{t('parcel.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.id}>
                <td className="slot-cell">{s.code}</td>
                <td className="num">{s.slots}</td>
                <td className="num">{s.inStock}</td>
                <td>{s.active ? <span className="tag tag-ok">{t('shelves.active')}</span> : <span className="tag tag-muted">{t('shelves.inactive')}</span>}</td>
                {canEdit ? (
                  <td>
                    <button
                      type="button"
                      className="btn small"
                      onClick={() => void save({ id: s.id, code: s.code, slots: s.slots, active: !s.active, name: s.name, sort: s.sort })}
                    >
                      {s.active ? t('shelves.deactivate') : t('shelves.activate')}
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {canEdit ? (
        <form
          className="shelf-add"
          onSubmit={(e) => {
            e.preventDefault();
            void save({ code: code.trim(), slots: int(slots), active: true, sort: (rows?.length ?? 0) * 10 });
          }}
        >
          <label className="field">
            <span className="field-label">{t('shelves.code')}</span>
            <input name="shelf-code" className="short-input" autoComplete="off" maxLength={4} value={code} onChange={(e) => setCode(e.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">{t('shelves.slots')}</span>
            <input name="shelf-slots" className="short-input" inputMode="numeric" value={slots} onChange={(e) => setSlots(e.target.value)} />
          </label>
          <div className="field field-button">
            <button type="submit" className="btn" disabled={action.busy}>
              {t('shelves.add')}
            </button>
          </div>
        </form>
      ) : null}
      <ErrorNote text={action.checkError} />
      <ErrorBox error={action.error ?? shelves.error} />
      <OkNote text={saved} />
    </section>
  );
}
