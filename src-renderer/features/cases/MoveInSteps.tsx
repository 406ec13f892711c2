import { useState, type FormEvent } from 'react';
import type { MeterKind, MoveInCaseView, RoomFile } from '@shared/contract';
import { useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { ErrorNote } from '../../app/ui/Notes';
import { parseReading } from '../../lib/money';
import { METER, MOVEIN_DOC, type MoveInDoc } from './labels';

export interface StepProps {
  c: MoveInCaseView;
  file: RoomFile;
  onDone: () => void;
}

/** A step's save button and what went wrong. */
export function StepActions({ action, label }: { action: ReturnType<typeof useAction>; label: string }) {
  const t = useT();
  return (
    <>
      <ErrorNote text={action.checkError} />
      <ErrorBox error={action.error} />
      <div className="cs-step-actions">
        <button type="submit" className="btn primary" disabled={action.busy}>
          {action.busy ? t('common.working') : label}
        </button>
      </div>
    </>
  );
}

/** 核验业主身份: an owner already on file for the room, or the new owner (who becomes the room's resident record). */
export function IdentityStep({ c, file, onDone }: StepProps) {
  const t = useT();
  const send = useSend();
  const action = useAction();
  const owners = file.residents.filter((r) => r.kind === 'owner' && r.current && !r.erased);
  const [who, setWho] = useState<number | 'new'>(owners[0]?.id ?? 'new');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [idNote, setIdNote] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.start({
      check: () => (who === 'new' && !name.trim() ? t('cs.id.needName') : idNote.trim().length < 2 ? t('cs.id.needNote') : null),
      run: async () => {
        await send('rooms.moveIn.identity', {
          caseId: c.id,
          ...(who === 'new' ? { name: name.trim(), ...(phone.trim() && { phone: phone.trim() }) } : { residentId: who }),
          idNote: idNote.trim(),
        });
        onDone();
      },
    });
  };
  return (
    <form className="form" onSubmit={submit}>
      {owners.length ? (
        <fieldset className="fieldset">
          <legend className="field-label">{t('cs.id.owner')}</legend>
          <div className="radios inline">
            {owners.map((o) => (
              <label key={o.id} className="check">
                <input type="radio" name="owner" checked={who === o.id} onChange={() => setWho(o.id)} /> <span data-data>{o.name}</span> {o.phoneMasked}
              </label>
            ))}
            <label className="check">
              <input type="radio" name="owner" checked={who === 'new'} onChange={() => setWho('new')} /> {t('cs.id.newOwner')}
            </label>
          </div>
        </fieldset>
      ) : null}
      {who === 'new' ? (
        <div className="grid-2">
          <label className="field">
            <span className="field-label">{t('cs.id.name')}</span>
            <input name="owner-name" value={name} maxLength={40} onChange={(e) => setName(e.target.value)} autoComplete="off" autoFocus />
          </label>
          <label className="field">
            <span className="field-label">{t('cs.id.phone')}</span>
            <input name="owner-phone" value={phone} maxLength={20} inputMode="tel" onChange={(e) => setPhone(e.target.value)} autoComplete="off" />
          </label>
        </div>
      ) : null}
      <label className="field">
        <span className="field-label">{t('cs.id.note')}</span>
        <input name="id-note" value={idNote} maxLength={60} onChange={(e) => setIdNote(e.target.value)} autoComplete="off" aria-describedby="cs-id-hint" />
        <span className="field-hint" id="cs-id-hint">
          {t('cs.id.noteHint')}
        </span>
      </label>
      <StepActions action={action} label={t('cs.id.submit')} />
    </form>
  );
}

/** 查验资料: the documents seen (ticked, never copied). */
export function DocumentsStep({ c, onDone }: StepProps) {
  const t = useT();
  const send = useSend();
  const action = useAction();
  const [docs, setDocs] = useState<MoveInDoc[]>(c.docsSeen.length ? c.docsSeen : []);
  const toggle = (d: MoveInDoc) => setDocs((x) => (x.includes(d) ? x.filter((y) => y !== d) : [...x, d]));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.start({
      check: () => (docs.length === 0 ? t('cs.docs.needOne') : null),
      run: async () => {
        await send('rooms.moveIn.documents', { caseId: c.id, docs });
        onDone();
      },
    });
  };
  return (
    <form className="form" onSubmit={submit}>
      <fieldset className="fieldset">
        <legend className="field-label">{t('cs.docs.legend')}</legend>
        <div className="cs-ticks">
          {(Object.keys(MOVEIN_DOC) as MoveInDoc[]).map((d) => (
            <label key={d} className="check">
              <input type="checkbox" checked={docs.includes(d)} onChange={() => toggle(d)} /> {t(MOVEIN_DOC[d])}
            </label>
          ))}
        </div>
      </fieldset>
      <p className="hint">{t('cs.docs.hint')}</p>
      <StepActions action={action} label={t('cs.docs.submit')} />
    </form>
  );
}

const METERS: readonly MeterKind[] = ['water', 'electricity', 'gas'];

/** 抄表: the first readings of the room's meters (a reading lower than the last on file is refused by the core). */
export function MetersStep({ c, onDone }: StepProps) {
  const t = useT();
  const send = useSend();
  const action = useAction();
  const [values, setValues] = useState<Record<MeterKind, string>>({ water: '', electricity: '', gas: '' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const typed = METERS.filter((m) => values[m].trim() !== '');
    const parsed = typed.map((m) => ({ meter: m, r: parseReading(values[m]) }));
    const bad = parsed.find((p) => !p.r.ok);
    void action.start({
      check: () =>
        typed.length === 0 ? t('cs.meters.needOne') : bad && !bad.r.ok ? `${t(METER[bad.meter])}: ${t(bad.r.problem.key, bad.r.problem.params)}` : null,
      run: async () => {
        const readings = parsed.flatMap((p) => (p.r.ok ? [{ meter: p.meter, reading: p.r.value / 100 }] : []));
        await send('rooms.moveIn.meters', { caseId: c.id, readings });
        onDone();
      },
    });
  };
  return (
    <form className="form" onSubmit={submit}>
      <div className="grid-3">
        {METERS.map((m, i) => (
          <label key={m} className="field">
            <span className="field-label">{t(METER[m])}</span>
            <input
              name={`meter-${m}`}
              value={values[m]}
              inputMode="decimal"
              maxLength={14}
              autoComplete="off"
              autoFocus={i === 0}
              onChange={(e) => setValues((v) => ({ ...v, [m]: e.target.value }))}
            />
          </label>
        ))}
      </div>
      <p className="hint">{t('cs.meters.hint')}</p>
      <StepActions action={action} label={t('cs.meters.submit')} />
    </form>
  );
}
