import { useState, type FormEvent } from 'react';
import type { MoveInCaseView } from '@shared/contract';
import { useCall, useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { OkNote } from '../../app/ui/Notes';
import { download } from '../../lib/download';
import { StepActions, type StepProps } from './MoveInSteps';

/**
 * 确认交房: the issues noted (each may be logged as a repair request at once: 墙面裂缝 → 报修), and the room's state
 * from now on (空置, or 自住 when the owner moves in now).
 */
export function FinishStep({ c, file, onDone }: StepProps) {
  const t = useT();
  const send = useSend();
  const action = useAction();
  const repair = useAction();
  const [issue, setIssue] = useState('');
  const [logged, setLogged] = useState<string[]>([]);
  const [state, setState] = useState<'vacant' | 'owner_occupied'>('owner_occupied');
  const owner = file.residents.find((r) => r.id === c.residentId);
  const logRepair = () =>
    void repair.start({
      check: () => (issue.trim().length < 2 ? t('cs.finish.needIssue') : null),
      run: async () => {
        const r = await send('requests.log', {
          kind: 'repair',
          source: 'visit',
          roomId: file.room.id,
          caller: owner?.name ?? '',
          category: '交房问题',
          description: issue.trim(),
          urgency: 'normal',
        });
        setLogged((x) => [...x, `${issue.trim()} #${r.id}`]);
        setIssue('');
      },
    });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const issues = [...logged, ...(issue.trim() ? [issue.trim()] : [])].join(' / ').slice(0, 200);
    void action.start({
      run: async () => {
        await send('rooms.moveIn.finish', { caseId: c.id, state, ...(issues && { issues }) });
        onDone();
      },
    });
  };
  return (
    <form className="form" onSubmit={submit}>
      <div className="toolbar">
        <label className="field grow">
          <span className="field-label">{t('cs.finish.issue')}</span>
          <input
            name="issue"
            value={issue}
            maxLength={100}
            placeholder={t('cs.finish.issuePh')}
            onChange={(e) => setIssue(e.target.value)}
            autoComplete="off"
          />
        </label>
        <div className="field field-button">
          <button type="button" className="btn" disabled={repair.busy} onClick={logRepair}>
            {t('cs.finish.logRepair')}
          </button>
        </div>
      </div>
      <ErrorBox error={repair.error} />
      {logged.length ? (
        <ul className="cs-logged" data-testid="movein-repairs">
          {logged.map((l) => (
            <li key={l}>{t('cs.finish.logged', { what: l })}</li>
          ))}
        </ul>
      ) : null}
      <fieldset className="fieldset">
        <legend className="field-label">{t('cs.finish.state')}</legend>
        <div className="radios inline">
          <label className="check">
            <input type="radio" name="movein-state" checked={state === 'owner_occupied'} onChange={() => setState('owner_occupied')} />{' '}
            {t('cs.state.owner_occupied')}
          </label>
          <label className="check">
            <input type="radio" name="movein-state" checked={state === 'vacant'} onChange={() => setState('vacant')} /> {t('cs.state.vacant')}
          </label>
        </div>
      </fieldset>
      <StepActions action={action} label={t('cs.finish.submit')} />
    </form>
  );
}

/**
 * 交房确认单 for the owner's signature: on the receipt printer (short form), or on A4 (the desktop app saves a PDF
 * of the page; in a browser the page is printed with Ctrl+P). The sheet below is what prints on A4.
 */
export function SlipPanel({ c }: { c: MoveInCaseView }) {
  const t = useT();
  const send = useSend();
  const action = useAction();
  const slipQ = useCall('rooms.moveIn.slip', { caseId: c.id });
  const [note, setNote] = useState<string | null>(null);
  const slip = slipQ.data;
  const receipt = () =>
    void action.start({
      run: async () => {
        setNote(null);
        const r = await send('rooms.moveIn.print', { caseId: c.id });
        setNote(r.queued ? t('cs.slip.queued') : t('cs.slip.noPrinter'));
      },
    });
  const a4 = () =>
    void action.start({
      run: async () => {
        setNote(null);
        const x = await send('reports.pdf', { title: `交房确认单_${c.id}` });
        if (x.supported) download(x.fileName, x.data, 'application/pdf');
        else setNote(t('cs.slip.inBrowser'));
      },
    });
  return (
    <div className="card cs-slip">
      <div className="cs-slip-actions">
        <button type="button" className="btn primary" disabled={action.busy} onClick={receipt}>
          {t('cs.slip.receipt')}
        </button>
        <button type="button" className="btn" disabled={action.busy} onClick={a4}>
          {t('cs.slip.a4')}
        </button>
      </div>
      <OkNote text={note} />
      <ErrorBox error={action.error ?? slipQ.error} />
      {slip ? (
        <article className="cs-slip-sheet" lang="zh-CN" data-data aria-label={slip.title} data-testid="movein-slip">
          <h2>{slip.title}</h2>
          {slip.lines.map((l) => (
            <p key={l}>{l}</p>
          ))}
        </article>
      ) : null}
    </div>
  );
}
