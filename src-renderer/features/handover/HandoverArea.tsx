import { useRef, useState, type FormEvent } from 'react';
import type { HandoverView } from '@shared/contract';
import { useCall, useRefresh, useSend } from '../../lib/query';
import { formatDateTime, fromLocalInput } from '../../lib/format';
import { ErrorBox } from '../../app/errors';
import type { MsgKey } from '../../app/i18n/dict';
import { useI18n } from '../../app/i18n/I18n';
import { useShell } from '../../app/shell-context';
import { useAction } from '../../app/useAction';
import { ErrorNote, OkNote } from '../../app/ui/Notes';
import { TabPanel, Tabs } from '../../app/ui/Tabs';
import { SummaryBlock } from './SummaryBlock';
import './handover.css';
import { DateInput } from '../../app/ui/DateInput';

type Tab = 'now' | 'history';
type Priority = 'low' | 'normal' | 'high';
interface Draft {
  key: number;
  text: string;
  room: string;
  due: string;
  priority: Priority;
}
const PRIORITY: Record<Priority, MsgKey> = { high: 'ho.pri.high', normal: 'ho.pri.normal', low: 'ho.pri.low' };
const STATUS: Record<HandoverView['items'][number]['status'], { key: MsgKey; tag: string }> = {
  open: { key: 'ho.status.open', tag: 'tag-warn' },
  accepted: { key: 'ho.status.accepted', tag: 'tag-ok' },
  queried: { key: 'ho.status.queried', tag: 'tag-bad' },
  done: { key: 'ho.status.done', tag: 'tag-muted' },
};

/** 交接班 (Alt+8): take over what the last shift handed over, or hand over this shift; past handovers. */
export function HandoverArea() {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('now');
  return (
    <section className="screen handover" aria-labelledby="handover-title">
      <div className="screen-head">
        <h1 id="handover-title" tabIndex={-1}>
          {t('area.handover')}
        </h1>
        <Tabs
          idBase="handover"
          label={t('area.handover')}
          tabs={[
            { id: 'now', label: t('ho.tab.now') },
            { id: 'history', label: t('ho.tab.history') },
          ]}
          value={tab}
          onChange={setTab}
        />
        <button type="button" className="btn small push-right" onClick={() => window.print()}>
          {t('ho.print')}
        </button>
      </div>
      <TabPanel idBase="handover" value={tab}>
        {tab === 'now' ? <Now /> : <History />}
      </TabPanel>
    </section>
  );
}

function Now() {
  const { t, lang } = useI18n();
  const { operator } = useShell();
  const pendingQ = useCall('handover.pending', {});
  const mineQ = useCall('handover.myItems', {});
  // undefined until known; null: nothing handed over waiting
  const pending = pendingQ.data;
  const mine = mineQ.data ?? [];
  const [notice, setNotice] = useState<string | null>(null);
  const [itemError, setItemError] = useState<unknown>(null);
  const send = useSend();
  const error = itemError ?? pendingQ.error ?? mineQ.error;

  if (pending === undefined) return <ErrorBox error={error} />;
  const incoming = pending && pending.fromId !== operator.id;
  return (
    <div className="ho-now">
      <ErrorBox error={error} />
      <OkNote text={notice} />
      {pending && incoming ? <TakeOver h={pending} onDone={() => setNotice(t('ho.acknowledged'))} /> : null}
      {pending && !incoming ? <p className="info-box">{t('ho.waiting', { name: pending.fromName, at: formatDateTime(pending.createdAt, lang) })}</p> : null}
      {!pending ? <HandOver onDone={() => setNotice(t('ho.done'))} /> : null}
      <h2>{t('ho.mine')}</h2>
      {mine.length === 0 ? (
        <p className="hint">{t('ho.noneMine')}</p>
      ) : (
        <ul className="ho-items" data-testid="ho-mine">
          {mine.map((i) => (
            <li key={i.id} className={`ho-item ho-mine-item pri-${i.priority}`}>
              <span className={`tag ${STATUS[i.status].tag}`}>{t(STATUS[i.status].key)}</span> <span className="tag tag-muted">{t(PRIORITY[i.priority])}</span>{' '}
              {i.text}
              {i.roomCode ? <span className="room-code"> {i.roomCode}</span> : null}
              {i.dueAt ? <span className="hint"> · {formatDateTime(i.dueAt, lang)}</span> : null}
              {i.response ? <span className="hint"> · {i.response}</span> : null}
              <button
                type="button"
                className="btn small push-right"
                onClick={() =>
                  void send('handover.itemDone', { itemId: i.id }).then(
                    () => setItemError(null),
                    (e: unknown) => setItemError(e),
                  )
                }
              >
                {t('ho.itemDone')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function HandOver({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const summaryQ = useCall('handover.summary', {});
  const summary = summaryQ.data ?? null;
  const refresh = useRefresh();
  const [notes, setNotes] = useState('');
  const [items, setItems] = useState<Draft[]>([]);
  const next = useRef(1);
  const requestId = useRef(crypto.randomUUID());
  const action = useAction();
  const send = useSend();

  const add = () => {
    const key = next.current++;
    setItems((xs) => [...xs, { key, text: '', room: '', due: '', priority: 'normal' }]);
    window.setTimeout(() => document.querySelector<HTMLInputElement>(`[data-item="${key}"]`)?.focus(), 0);
  };
  const change = (key: number, patch: Partial<Draft>) => setItems((xs) => xs.map((x) => (x.key === key ? { ...x, ...patch } : x)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    return action.start({
      check: () => (items.some((i) => i.text.trim().length < 2) ? t('ho.needText') : null),
      run: async () => {
        await send('handover.create', {
          requestId: requestId.current,
          notes,
          items: items.map((i) => ({
            kind: 'carry' as const,
            text: i.text.trim(),
            roomId: null,
            ...(i.room.trim() ? { roomCode: i.room.trim() } : {}),
            ownerId: null,
            dueAt: i.due ? fromLocalInput(i.due) : null,
            priority: i.priority,
          })),
        });
        requestId.current = crypto.randomUUID();
        setNotes('');
        setItems([]);
        onDone();
      },
    });
  };

  return (
    <form className="card ho-form" onSubmit={(e) => void submit(e)} aria-labelledby="ho-summary-title">
      <div className="card-head">
        <h2 id="ho-summary-title">{t('ho.summary')}</h2>
        <button type="button" className="btn small" onClick={() => void refresh('handover.summary')}>
          {t('ho.refresh')}
        </button>
      </div>
      {summary ? <SummaryBlock s={summary} /> : null}
      <label className="field">
        <span className="field-label">{t('ho.notes')}</span>
        <textarea name="ho-notes" rows={2} maxLength={2000} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </label>
      <div className="ho-items-head">
        <h3>{t('ho.items')}</h3>
        <button type="button" className="btn small" onClick={add}>
          {t('ho.addItem')}
        </button>
      </div>
      {items.length === 0 ? <p className="hint">{t('ho.noItems')}</p> : null}
      {items.map((i, n) => (
        <div key={i.key} className="ho-draft">
          <label className="field grow">
            <span className="field-label">
              {t('ho.itemText')} {n + 1}
            </span>
            <input
              data-item={i.key}
              name="ho-item-text"
              autoComplete="off"
              maxLength={300}
              value={i.text}
              onChange={(e) => change(i.key, { text: e.target.value })}
            />
          </label>
          <label className="field">
            <span className="field-label">{t('ho.room')}</span>
            <input
              name="ho-item-room"
              autoComplete="off"
              maxLength={20}
              placeholder="3-2-501"
              value={i.room}
              onChange={(e) => change(i.key, { room: e.target.value })}
            />
          </label>
          <label className="field">
            <span className="field-label">{t('ho.due')}</span>
            <DateInput withTime name="ho-item-due" value={i.due} onChange={(v) => change(i.key, { due: v })} />
          </label>
          <label className="field">
            <span className="field-label">{t('ho.priority')}</span>
            <select name="ho-item-priority" value={i.priority} onChange={(e) => change(i.key, { priority: e.target.value as Priority })}>
              {(['high', 'normal', 'low'] as const).map((p) => (
                <option key={p} value={p}>
                  {t(PRIORITY[p])}
                </option>
              ))}
            </select>
          </label>
          <div className="field field-button">
            <button type="button" className="btn small" onClick={() => setItems((xs) => xs.filter((x) => x.key !== i.key))}>
              {t('ho.remove')}
            </button>
          </div>
        </div>
      ))}
      <ErrorNote text={action.checkError} />
      <ErrorBox error={action.error ?? summaryQ.error} />
      <div className="form-actions">
        <button type="submit" className="btn primary big" disabled={action.busy}>
          {t('ho.submit')}
        </button>
      </div>
    </form>
  );
}

function TakeOver({ h, onDone }: { h: HandoverView; onDone: () => void }) {
  const { t, lang } = useI18n();
  const [questions, setQuestions] = useState<Record<number, string>>({});
  const action = useAction();
  const send = useSend();

  // the handover as it now stands comes back with the refresh of handover.pending
  const respond = (itemId: number, status: 'accepted' | 'queried') =>
    action.start({ run: () => send('handover.respond', { itemId, status, ...(questions[itemId]?.trim() ? { response: questions[itemId] } : {}) }) });

  return (
    <div className="card ho-take" data-testid="ho-take">
      <h2>{t('ho.incoming', { name: h.fromName, at: formatDateTime(h.createdAt, lang) })}</h2>
      <SummaryBlock s={h.summary} />
      {h.notes ? <p className="ho-notes">{h.notes}</p> : null}
      <ul className="ho-items">
        {h.items.map((i) => (
          <li key={i.id} className={`ho-item pri-${i.priority}`} data-testid="ho-item">
            <div className="ho-item-head">
              <span className={`tag ${STATUS[i.status].tag}`}>{t(STATUS[i.status].key)}</span>
              <span className="tag tag-muted">{t(PRIORITY[i.priority])}</span>
              <span className="ho-item-text">{i.text}</span>
              {i.roomCode ? <span className="room-code">{i.roomCode}</span> : null}
              {i.dueAt ? <span className="hint">{formatDateTime(i.dueAt, lang)}</span> : null}
            </div>
            {i.kind === 'carry' && i.status === 'open' ? (
              <div className="ho-item-actions">
                <button type="button" className="btn primary" disabled={action.busy} onClick={() => void respond(i.id, 'accepted')}>
                  {t('ho.accept')}
                </button>
                <input
                  aria-label={t('ho.queryText')}
                  placeholder={t('ho.queryText')}
                  value={questions[i.id] ?? ''}
                  onChange={(e) => setQuestions((q) => ({ ...q, [i.id]: e.target.value }))}
                />
                <button type="button" className="btn" disabled={action.busy} onClick={() => void respond(i.id, 'queried')}>
                  {t('ho.query')}
                </button>
              </div>
            ) : null}
            {i.response ? <p className="hint">{i.response}</p> : null}
          </li>
        ))}
      </ul>
      <ErrorBox error={action.error} />
      <div className="form-actions">
        <button
          type="button"
          className="btn primary big"
          disabled={action.busy}
          onClick={() => void action.start({ run: async () => (await send('handover.acknowledge', { id: h.id }), onDone()) })}
        >
          {t('ho.acknowledge')}
        </button>
      </div>
    </div>
  );
}

function History() {
  const { t, lang } = useI18n();
  const [q, setQ] = useState('');
  const [unacked, setUnacked] = useState(false);
  const list = useCall('handover.list', { ...(q.trim() ? { q: q.trim() } : {}), unacknowledged: unacked }, { keepPrevious: true });
  const rows = list.data ?? null;
  const [printError, setPrintError] = useState<unknown>(null);
  const [printed, setPrinted] = useState<string | null>(null);
  const send = useSend();
  const error = printError ?? list.error;
  const printSlip = async (id: number) => {
    setPrinted(null);
    try {
      const r = await send('handover.print', { id });
      setPrinted(t(r.queued ? 'ho.slipQueued' : 'ho.noPrinter'));
      setPrintError(null);
    } catch (e) {
      setPrintError(e);
    }
  };
  return (
    <div className="ho-history">
      <div className="filter-bar">
        <label className="field grow">
          <span className="field-label">{t('ho.search')}</span>
          <input type="search" name="ho-q" autoComplete="off" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
        <label className="check">
          <input type="checkbox" checked={unacked} onChange={(e) => setUnacked(e.target.checked)} />
          <span>{t('ho.unacked')}</span>
        </label>
      </div>
      <ErrorBox error={error} />
      {rows && rows.length === 0 ? <p className="info-box">{t('ho.none')}</p> : null}
      <OkNote text={printed} />
      {rows?.map((h) => (
        <article key={h.id} className="card ho-past">
          <button type="button" className="btn small push-right ho-print" onClick={() => void printSlip(h.id)}>
            {t('ho.printSlip')}
          </button>
          <p>
            <strong>{formatDateTime(h.createdAt, lang)}</strong> · {t('ho.by')} {h.fromName} · {t('ho.ackBy')}{' '}
            {h.acknowledgedByName ? (
              `${h.acknowledgedByName}${t('common.paren', { x: formatDateTime(h.acknowledgedAt, lang) })}`
            ) : (
              <span className="tag tag-warn">{t('ho.notAcked')}</span>
            )}
          </p>
          {h.notes ? <p className="ho-notes">{h.notes}</p> : null}
          <ul className="ho-items">
            {h.items.map((i) => (
              <li key={i.id}>
                <span className={`tag ${STATUS[i.status].tag}`}>{t(STATUS[i.status].key)}</span> {i.text}{' '}
                {i.ownerName ? <span className="hint">→ {i.ownerName}</span> : null}
              </li>
            ))}
          </ul>
        </article>
      ))}
    </div>
  );
}
