import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ServiceSettings } from '@shared/contract';
import { useCall, useSend } from '../../lib/query';
import { formatDateTime } from '../../lib/format';
import { ErrorBox } from '../../app/errors';
import type { MsgKey } from '../../app/i18n/dict';
import { useI18n } from '../../app/i18n/I18n';
import { useShell } from '../../app/shell-context';
import { useAction } from '../../app/useAction';
import { OkNote } from '../../app/ui/Notes';
import { TabPanel, Tabs } from '../../app/ui/Tabs';
import { useKeys } from '../../app/useKeys';
import { RoomPicker, type RoomPickerLabels } from '../fees/RoomPicker';
import type { Payer } from '../fees/room';
import { RequestDialog } from './RequestDialog';
import { ServiceStats } from './ServiceStats';
import { ServiceSettingsForm } from './ServiceSettingsForm';
import { roleAtLeast } from '../../lib/roles';
import { defaultName, duration, KIND_LABEL, STATUS_LABEL, STATUS_TAG } from './labels';
import './service.css';

type Tab = 'open' | 'callback' | 'all' | 'stats' | 'settings';
/** The room picker in this screen's words: a room (not a payer), 无房号 (not 散客). */
const ROOM_LABELS: RoomPickerLabels = { chosen: 'svc.room', walkIn: 'svc.noRoom', missing: 'svc.needRoom' };
const KINDS = ['repair', 'complaint', 'suggestion', 'enquiry'] as const;
const CATEGORIES: Record<(typeof KINDS)[number], string[]> = {
  repair: ['水电', '门窗', '电梯', '管道', '公共设施', '其他'],
  complaint: ['噪音', '卫生', '停车', '服务态度', '安全', '其他'],
  suggestion: ['环境', '服务', '设施', '其他'],
  enquiry: ['缴费', '装修', '快递', '停车', '其他'],
};

/** 报修投诉 (Alt+9): log a call or visit, the open queue with its dispatch clock, callbacks, all, statistics. */
export function ServiceArea() {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('open');
  const settingsQ = useCall('requests.settings.get', {});
  const settings = settingsQ.data ?? null;
  const { operator } = useShell();
  const supervisor = roleAtLeast(operator.role, 'supervisor');

  const tabs: { id: Tab; label: MsgKey }[] = [
    { id: 'open', label: 'svc.tab.open' },
    { id: 'callback', label: 'svc.tab.callback' },
    { id: 'all', label: 'svc.tab.all' },
    { id: 'stats', label: 'svc.tab.stats' },
    ...(supervisor ? [{ id: 'settings' as const, label: 'svc.tab.settings' as const }] : []),
  ];
  return (
    <section className="screen service" aria-labelledby="service-title">
      <div className="screen-head">
        <h1 id="service-title" tabIndex={-1}>
          {t('area.service')}
        </h1>
        <Tabs idBase="service" label={t('area.service')} tabs={tabs.map((x) => ({ id: x.id, label: t(x.label) }))} value={tab} onChange={setTab} />
      </div>
      <ErrorBox error={settingsQ.error} />
      <TabPanel idBase="service" value={tab}>
        {tab === 'open' && settings ? <LogForm settings={settings} /> : null}
        {tab === 'settings' && settings ? <ServiceSettingsForm settings={settings} /> : null}
        {tab !== 'stats' && tab !== 'settings' && settings ? <RequestList view={tab as 'open' | 'callback' | 'all'} settings={settings} /> : null}
        {tab === 'stats' ? <ServiceStats /> : null}
      </TabPanel>
    </section>
  );
}

/** The new request goes into the list below with the refresh of the requests' reads. */
function LogForm({ settings }: { settings: ServiceSettings }) {
  const { t } = useI18n();
  const { active } = useShell();
  const [kind, setKind] = useState<(typeof KINDS)[number]>('repair');
  const [source, setSource] = useState<'call' | 'visit'>('call');
  const [payer, setPayer] = useState<Payer | null>(null);
  const [caller, setCaller] = useState('');
  const [phone4, setPhone4] = useState('');
  const [category, setCategory] = useState('');
  const [description, setDescription] = useState('');
  const [urgent, setUrgent] = useState(false);
  const [tried, setTried] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const requestId = useRef(crypto.randomUUID());
  const roomRef = useRef<HTMLInputElement>(null);
  const categoryRef = useRef<HTMLSelectElement>(null);
  const action = useAction();
  const send = useSend();

  // F3 as on 收费: choose the room again, cursor in the box
  useKeys(active, {
    F3: () => {
      setPayer(null);
      window.setTimeout(() => roomRef.current?.focus(), 0);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    setNotice(null);
    // no room yet: the picker says so under its box (and the message goes once one is picked)
    if (!payer) {
      roomRef.current?.focus();
      return;
    }
    return action.start({
      run: async () => {
        const r = await send('requests.log', {
          requestId: requestId.current,
          kind,
          source,
          roomId: payer?.kind === 'room' ? payer.roomId : null,
          caller: caller.trim() || (payer?.kind === 'room' ? payer.name : ''),
          ...(phone4.trim() ? { phoneLast4: phone4.trim() } : {}),
          category: category || (CATEGORIES[kind][0] as string),
          description,
          urgency: urgent ? 'urgent' : 'normal',
        });
        setNotice(t('svc.logged', { id: r.id, min: settings.targets[kind] }));
        requestId.current = crypto.randomUUID();
        setPayer(null);
        setCaller('');
        setPhone4('');
        setDescription('');
        setUrgent(false);
        setTried(false);
      },
    });
  };

  return (
    <form className="card svc-form" onSubmit={(e) => void submit(e)} aria-labelledby="svc-new-title">
      <div className="svc-row">
        <h2 id="svc-new-title">{t('svc.new')}</h2>
        <fieldset className="fieldset seg-group">
          <legend className="sr-only">{t('svc.kind')}</legend>
          {KINDS.map((k) => (
            <label key={k} className="seg">
              <input type="radio" name="svc-kind" checked={kind === k} onChange={() => (setKind(k), setCategory(''))} />
              <span>{t(KIND_LABEL[k])}</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="fieldset seg-group">
          <legend className="sr-only">{t('svc.source')}</legend>
          {(['call', 'visit'] as const).map((s) => (
            <label key={s} className="seg">
              <input type="radio" name="svc-source" checked={source === s} onChange={() => setSource(s)} />
              <span>{t(s === 'call' ? 'svc.source.call' : 'svc.source.visit')}</span>
            </label>
          ))}
        </fieldset>
        <label className="check svc-urgent">
          <input type="checkbox" name="svc-urgent" checked={urgent} onChange={(e) => setUrgent(e.target.checked)} />
          <span>{t('svc.urgent')}</span>
        </label>
      </div>
      <RoomPicker
        value={payer}
        onChange={setPayer}
        inputRef={roomRef}
        onPicked={() => categoryRef.current?.focus()}
        missing={tried && !payer}
        labels={ROOM_LABELS}
        shortcut="F3"
      />
      <div className="grid-3">
        <label className="field">
          <span className="field-label">{t('svc.category')}</span>
          <select ref={categoryRef} name="svc-category" value={category || CATEGORIES[kind][0]} onChange={(e) => setCategory(e.target.value)}>
            {CATEGORIES[kind].map((c) => (
              <option key={c} value={c}>
                {defaultName(c, t)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('svc.caller')}</span>
          <input name="svc-caller" autoComplete="off" maxLength={40} value={caller} onChange={(e) => setCaller(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">{t('svc.phone4')}</span>
          <input name="svc-phone4" inputMode="numeric" autoComplete="off" maxLength={4} value={phone4} onChange={(e) => setPhone4(e.target.value)} />
        </label>
      </div>
      {/* the description and 登记 side by side: the form stays short, so the open queue below is in view */}
      <div className="svc-desc-row">
        <label className="field">
          <span className="field-label">{t('svc.description')}</span>
          <textarea name="svc-description" rows={2} maxLength={500} value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <button type="submit" className="btn primary big" disabled={action.busy}>
          {t('svc.log')}
        </button>
      </div>
      <ErrorBox error={action.error} />
      <OkNote text={notice} />
    </form>
  );
}

function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(id);
  }, [ms]);
  return now;
}

/** The open queue is read again this often while on screen (requests come in from other counters too). */
const OPEN_POLL_MS = 15_000;

function RequestList({ view, settings }: { view: 'open' | 'callback' | 'all'; settings: ServiceSettings }) {
  const { t, lang } = useI18n();
  const { active } = useShell();
  const [q, setQ] = useState('');
  const [opened, setOpened] = useState<number | null>(null);
  const now = useNow(1000);
  const list = useCall(
    'requests.list',
    { view, ...(q.trim() ? { q: q.trim() } : {}) },
    { keepPrevious: true, refetchInterval: active && view === 'open' ? OPEN_POLL_MS : false },
  );
  const rows = list.data ?? null;
  const error = list.error;

  const empty: MsgKey = view === 'open' ? 'svc.noneOpen' : view === 'callback' ? 'svc.noneCallback' : 'svc.noneAll';
  return (
    <div className="svc-list">
      {view === 'all' ? (
        <label className="field">
          <span className="field-label">{t('svc.searchLabel')}</span>
          <input name="svc-q" type="search" autoComplete="off" placeholder={t('svc.search')} value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
      ) : null}
      <ErrorBox error={error} />
      {rows && rows.length === 0 ? <p className="info-box">{t(empty)}</p> : null}
      {rows && rows.length > 0 ? (
        <div className="table-wrap">
          <table className="table svc-table" data-testid={`svc-${view}`}>
            <thead>
              <tr>
                <th>#</th>
                <th>{t('svc.when')}</th>
                <th>{t('svc.room')}</th>
                <th>{t('svc.what')}</th>
                <th>{t('svc.state')}</th>
                <th>{t('svc.clock')}</th>
                <th>
                  <span className="sr-only">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const waitedMs = now - Date.parse(r.createdAt);
                const late = r.dispatchedAt ? r.withinTarget === false : waitedMs > r.targetMinutes * 60_000;
                return (
                  <tr key={r.id} data-id={r.id} className={r.urgency === 'urgent' ? 'urgent' : undefined}>
                    <td className="num">{r.id}</td>
                    <td>{formatDateTime(r.createdAt, lang)}</td>
                    <td>{r.roomCode ? <span className="room-code">{r.roomCode}</span> : <span className="hint">{t('svc.noRoom')}</span>}</td>
                    <td className="svc-what">
                      <span className="tags">
                        <span className="tag tag-muted">{t(KIND_LABEL[r.kind])}</span>
                        {r.urgency === 'urgent' ? <span className="tag tag-bad">{t('svc.urgent')}</span> : null}
                        <span className="tag tag-muted">{defaultName(r.category, t)}</span>
                      </span>
                      <span className="svc-desc">{r.description}</span>
                    </td>
                    <td>
                      <span className={`tag ${STATUS_TAG[r.status]}`}>{t(STATUS_LABEL[r.status])}</span>
                      {r.department ? <span className="hint"> {defaultName(r.department, t)}</span> : null}
                    </td>
                    <td className={late ? 'svc-clock late' : 'svc-clock'} data-testid="svc-clock">
                      {r.dispatchedAt
                        ? t('svc.dispatchedIn', { t: duration(r.dispatchMs ?? 0, t) })
                        : r.status === 'logged'
                          ? t('svc.waiting', { t: duration(waitedMs, t), min: r.targetMinutes })
                          : '—'}
                      {r.dispatchedAt || r.status === 'logged' ? <strong> {late ? t('svc.late') : r.dispatchedAt ? t('svc.onTime') : ''}</strong> : null}
                    </td>
                    <td>
                      <button type="button" className="btn small" onClick={() => setOpened(r.id)}>
                        {t('svc.open')} #{r.id}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {opened !== null ? <RequestDialog id={opened} departments={settings.departments} onClose={() => setOpened(null)} /> : null}
    </div>
  );
}
