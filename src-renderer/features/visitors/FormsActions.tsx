import { useState, type FormEvent } from 'react';
import { ApiError } from '../../lib/api';
import { propertyToday } from '../../lib/format';
import { useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { ErrorNote, OkNote } from '../../app/ui/Notes';
import { focusField } from './keys';
import { ReasonDialog } from './ReasonDialog';
import { DateInput } from '../../app/ui/DateInput';

const formNoOk = (s: string): boolean => /^[A-Za-z]{0,6}\d{3,10}$/.test(s.trim());

/** A range of forms received from finance (supervisor): first and last number, the day, who signed, who handed them over. */
export function FormsReceive() {
  const { t } = useI18n();
  const send = useSend();
  const action = useAction();
  const today = propertyToday();
  const [first, setFirst] = useState('');
  const [last, setLast] = useState('');
  const [on, setOn] = useState(today);
  const [signed, setSigned] = useState('');
  const [handed, setHanded] = useState('');
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    return action.start({
      check: () => {
        if (!formNoOk(first)) return (focusField('firstNo'), t('vis.f.badNo'));
        if (!formNoOk(last)) return (focusField('lastNo'), t('vis.f.badNo'));
        if (!signed.trim()) return (focusField('signedBy'), t('vis.f.needSigned'));
        if (!handed.trim()) return (focusField('handedOverBy'), t('vis.f.needHanded'));
        return null;
      },
      run: async () => {
        try {
          const reg = await send('visitors.forms.receive', {
            firstNo: first.trim(),
            lastNo: last.trim(),
            receivedOn: on,
            signedBy: signed.trim(),
            handedOverBy: handed.trim(),
            ...(note.trim() ? { note: note.trim() } : {}),
          });
          const b = reg.batches.find((x) => x.firstNo === first.trim().toUpperCase()) ?? reg.batches[0];
          setDone(t('vis.f.receivedDone', { first: b?.firstNo ?? first, last: b?.lastNo ?? last, n: b?.count ?? 0 }));
          setFirst('');
          setLast('');
          setNote('');
        } catch (err) {
          if (err instanceof ApiError && err.field) focusField(err.field);
          throw err;
        }
      },
    });
  };

  return (
    <form className="form vis-forms-receive" onSubmit={(e) => void submit(e)} aria-labelledby="vis-forms-receive">
      <h3 id="vis-forms-receive" className="section-title">
        {t('vis.f.receive')}
      </h3>
      <div className="grid-2">
        <label className="field">
          <span className="field-label">{t('vis.f.firstNo')}</span>
          <input
            name="firstNo"
            value={first}
            maxLength={16}
            autoComplete="off"
            placeholder="LS000101"
            onChange={(e) => setFirst(e.target.value.toUpperCase())}
          />
        </label>
        <label className="field">
          <span className="field-label">{t('vis.f.lastNo')}</span>
          <input name="lastNo" value={last} maxLength={16} autoComplete="off" placeholder="LS000150" onChange={(e) => setLast(e.target.value.toUpperCase())} />
        </label>
        <label className="field">
          <span className="field-label">{t('vis.f.receivedOn')}</span>
          <DateInput name="receivedOn" value={on} onChange={(v) => setOn(v)} />
        </label>
        <label className="field">
          <span className="field-label">{t('vis.f.signedBy')}</span>
          <input name="signedBy" value={signed} maxLength={40} autoComplete="off" onChange={(e) => setSigned(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">{t('vis.f.handedOver')}</span>
          <input name="handedOverBy" value={handed} maxLength={40} autoComplete="off" onChange={(e) => setHanded(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">{t('vis.note')}</span>
          <input name="note" value={note} maxLength={100} autoComplete="off" onChange={(e) => setNote(e.target.value)} />
        </label>
      </div>
      <ErrorNote text={action.checkError} />
      <ErrorBox error={action.error} />
      <OkNote text={done} />
      <div className="row-actions">
        <button type="submit" className="btn primary" disabled={action.busy}>
          {t('vis.f.receiveSubmit')}
        </button>
      </div>
    </form>
  );
}

/** The shift's count of blank forms in stock: a difference needs an explanation. */
export function FormsCount({ inStock }: { inStock: number }) {
  const { t } = useI18n();
  const send = useSend();
  const action = useAction();
  const [counted, setCounted] = useState('');
  const [why, setWhy] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const n = counted.trim() === '' ? null : Number(counted);
  const differs = n !== null && Number.isInteger(n) && n !== inStock;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    return action.start({
      check: () => {
        if (n === null || !Number.isInteger(n) || n < 0) return (focusField('counted'), t('vis.f.needCounted'));
        if (differs && why.trim().length < 2) return (focusField('explanation'), t('vis.f.needWhy', { expected: inStock, counted: n }));
        return null;
      },
      run: async () => {
        if (n === null) return;
        await send('visitors.forms.count', { counted: n, ...(why.trim() ? { explanation: why.trim() } : {}) });
        setDone(t('vis.f.countDone', { n }));
        setCounted('');
        setWhy('');
      },
    });
  };

  return (
    <form className="form vis-forms-count" onSubmit={(e) => void submit(e)} aria-label={t('vis.f.countTitle')}>
      <div className="grid-2">
        <label className="field">
          <span className="field-label">{t('vis.f.counted')}</span>
          <input name="counted" type="number" min={0} max={100000} value={counted} onChange={(e) => setCounted(e.target.value)} />
          <span className="field-hint">{t('vis.f.expected', { n: inStock })}</span>
        </label>
        {differs ? (
          <label className="field">
            <span className="field-label">{t('vis.f.explanation')}</span>
            <input name="explanation" value={why} maxLength={200} autoComplete="off" onChange={(e) => setWhy(e.target.value)} />
          </label>
        ) : null}
      </div>
      <ErrorNote text={action.checkError} />
      <ErrorBox error={action.error} />
      <OkNote text={done} />
      <div className="row-actions">
        <button type="submit" className="btn" disabled={action.busy}>
          {t('vis.f.countSubmit')}
        </button>
      </div>
    </form>
  );
}

/** A blank form in stock spoiled (作废) or missing (遗失), with its number and a reason. */
export function FormsWriteOff({ next }: { next: string }) {
  const { t } = useI18n();
  const send = useSend();
  const [open, setOpen] = useState(false);
  const [formNo, setFormNo] = useState('');
  const [state, setState] = useState<'void' | 'lost'>('void');
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      <OkNote text={done} />
      <div className="row-actions">
        <button
          type="button"
          className="btn"
          onClick={() => {
            setFormNo(next);
            setOpen(true);
          }}
        >
          {t('vis.f.writeOff')}
        </button>
      </div>
      {open ? (
        <ReasonDialog
          title={t('vis.f.writeOffTitle')}
          message={t('vis.f.writeOffText')}
          submitLabel={t('vis.f.writeOffSubmit')}
          picks={[
            { zh: '打印污损', label: t('vis.f.reason.spoiled') },
            { zh: '清点时缺失', label: t('vis.f.reason.missing') },
          ]}
          onCancel={() => setOpen(false)}
          check={() => (formNoOk(formNo) ? null : t('vis.f.badNo'))}
          onSubmit={async (reason) => {
            await send('visitors.forms.writeOff', { formNo: formNo.trim(), state, reason });
            setOpen(false);
            setDone(t(state === 'void' ? 'vis.f.voidDone' : 'vis.f.lostDone', { no: formNo.trim() }));
          }}
        >
          <label className="field">
            <span className="field-label">{t('vis.w.formNo')}</span>
            <input name="formNo" value={formNo} maxLength={16} autoComplete="off" onChange={(e) => setFormNo(e.target.value.toUpperCase())} />
          </label>
          <fieldset className="fieldset-plain">
            <legend className="field-label">{t('vis.f.writeOffAs')}</legend>
            <div className="seg-group">
              {(['void', 'lost'] as const).map((s) => (
                <label key={s} className="seg">
                  <input type="radio" name="writeOffState" checked={state === s} onChange={() => setState(s)} />
                  <span>{t(s === 'void' ? 'vis.f.void' : 'vis.f.lost')}</span>
                </label>
              ))}
            </div>
          </fieldset>
        </ReasonDialog>
      ) : null}
    </>
  );
}
