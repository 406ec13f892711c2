import { useEffect, useState, type FormEvent } from 'react';
import type { UpstreamDayView, UpstreamSettingsView } from '@shared/contract';
import { useCall, useSend } from '../../lib/query';
import { formatDate, formatDateTime } from '../../lib/format';
import { roleAtLeast } from '../../lib/roles';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import type { MsgKey } from '../../app/i18n/dict';
import { useShell } from '../../app/shell-context';
import { useStatus } from '../../app/status';
import { useAction } from '../../app/useAction';
import { Field } from '../../app/ui/Field';
import { ErrorNote, OkNote } from '../../app/ui/Notes';
import { TabPanel, Tabs } from '../../app/ui/Tabs';

type Tab = 'history' | 'settings';

const STATE: Record<UpstreamDayView['status'], { key: MsgKey; tag: string }> = {
  delivered: { key: 'up.state.delivered', tag: 'tag-ok' },
  pending: { key: 'up.state.pending', tag: 'tag-warn' },
  stopped: { key: 'up.state.stopped', tag: 'tag-bad' },
};

/** The protection line under the secret: how the stored secret (or the next one saved) is kept. */
const PROTECTION: Record<UpstreamSettingsView['secretProtection'], MsgKey> = {
  keychain: 'up.secretKeychain',
  keyFile: 'up.secretKeyFile',
  none: 'up.secretPlain',
};

/** 上报 (Alt+0): each business day's delivery to head office, 立即上报, and (admin) the settings. */
export function UpstreamArea() {
  const { t } = useI18n();
  const { operator } = useShell();
  const admin = operator.role === 'admin';
  const [tab, setTab] = useState<Tab>('history');
  return (
    <section className="screen upstream" aria-labelledby="upstream-title">
      <div className="screen-head">
        <h1 id="upstream-title" tabIndex={-1}>
          {t('area.upstream')}
        </h1>
        {admin ? (
          <Tabs
            idBase="upstream"
            label={t('area.upstream')}
            tabs={[
              { id: 'history', label: t('up.tab.history') },
              { id: 'settings', label: t('up.tab.settings') },
            ]}
            value={tab}
            onChange={setTab}
          />
        ) : null}
      </div>
      <p className="hint up-lead">{t('up.lead')}</p>
      <TabPanel idBase="upstream" value={tab} shown={admin}>
        {tab === 'history' ? roleAtLeast(operator.role, 'supervisor') ? <History /> : <p className="info-box">{t('up.supervisorOnly')}</p> : <SettingsForm />}
      </TabPanel>
    </section>
  );
}

function History() {
  const { t, lang } = useI18n();
  const { refresh } = useStatus();
  const history = useCall('upstream.history', { limit: 60 });
  const days = history.data ?? null;
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction();
  const send = useSend();

  const sendNow = () =>
    action.start({
      run: async () => {
        setNotice(null);
        const r = await send('upstream.sendNow', {});
        setNotice(t('up.sent', r));
        void refresh();
      },
    });

  return (
    <div className="up-history">
      <div className="form-actions">
        <button type="button" className="btn primary big" onClick={() => void sendNow()} disabled={action.busy}>
          {action.busy ? t('common.working') : t('up.sendNow')}
        </button>
      </div>
      <OkNote text={notice} />
      <ErrorBox error={action.error ?? history.error} />
      {days && days.length === 0 ? <p className="info-box">{t('up.none')}</p> : null}
      {days && days.length > 0 ? (
        <div className="table-wrap">
          <table className="table" data-testid="upstream-history">
            <thead>
              <tr>
                <th>{t('up.date')}</th>
                <th>{t('up.state')}</th>
                <th className="num">{t('up.attempts')}</th>
                <th>{t('up.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.businessDate} data-state={d.status}>
                  <td className="receipt-no-cell">{formatDate(d.businessDate, lang)}</td>
                  <td>
                    <span className={`tag ${STATE[d.status].tag}`}>{t(STATE[d.status].key)}</span>
                  </td>
                  <td className="num">{d.attempts}</td>
                  <td>
                    {d.deliveredAt ? t('up.deliveredAt', { at: formatDateTime(d.deliveredAt, lang) }) : null}
                    {d.duplicate ? ` ${t('up.duplicate')}` : null}
                    {d.status !== 'delivered' && d.lastError ? <span className={d.status === 'stopped' ? 'print-error' : ''}>{d.lastError}</span> : null}
                    {d.nextAttemptAt && d.attempts > 0 ? (
                      <span className="hint"> · {t('up.nextAt', { at: formatDateTime(d.nextAttemptAt, lang) })}</span>
                    ) : null}
                    {d.clockSkewMs ? <span className="hint"> · {t('up.skew', { s: Math.round(d.clockSkewMs / 1000) })}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

function SettingsForm() {
  const { t, lang } = useI18n();
  const [s, setS] = useState<UpstreamSettingsView | null>(null);
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState('');
  const [sendTime, setSendTime] = useState('04:30');
  const [cutoff, setCutoff] = useState('4');
  const [enabled, setEnabled] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction();
  const send = useSend();
  const saved = useCall('upstream.settings.get', {});

  const take = (v: UpstreamSettingsView) => {
    setS(v);
    setUrl(v.url);
    setSendTime(v.sendTime);
    setCutoff(String(v.cutoffHour));
    setEnabled(v.enabled);
    setSecret('');
  };
  // the form shows the settings as read (and as saved: the save's answer comes back through the read)
  useEffect(() => {
    if (saved.data) take(saved.data);
  }, [saved.data]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const hour = Number(cutoff);
    return action.start({
      check: () => (!/^([01]\d|2[0-3]):[0-5]\d$/.test(sendTime) ? t('up.badTime') : !/^\d{1,2}$/.test(cutoff.trim()) || hour > 23 ? t('up.badHour') : null),
      run: async () => {
        take(await send('upstream.settings.save', { enabled, url: url.trim(), sendTime, cutoffHour: hour, ...(secret ? { secret } : {}) }));
        setNotice(t('up.saved'));
      },
    });
  };

  if (!s) return <ErrorBox error={action.error ?? saved.error} />;
  return (
    <form className="form card up-settings" onSubmit={(e) => void submit(e)}>
      <label className="check">
        <input type="checkbox" name="up-enabled" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        <span>{t('up.enabled')}</span>
      </label>
      <Field label={t('up.url')} hint={t('up.urlHint')}>
        <input name="up-url" autoComplete="off" spellCheck={false} value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" />
      </Field>
      <div className="grid-3">
        <Field label={t('up.terminal')} hint={t('up.terminalHint')}>
          <input name="up-terminal" value={s.terminalId} readOnly />
        </Field>
        <Field label={t('up.sendTime')} hint={t('up.sendTimeHint')}>
          <input name="up-send-time" inputMode="numeric" value={sendTime} onChange={(e) => setSendTime(e.target.value)} />
        </Field>
        <Field label={t('up.cutoff')} hint={t('up.cutoffHint')}>
          <input name="up-cutoff" inputMode="numeric" value={cutoff} onChange={(e) => setCutoff(e.target.value)} />
        </Field>
      </div>
      <Field
        label={t('up.secret')}
        hint={s.hasSecret ? t(PROTECTION[s.secretProtection]) : `${t('up.secretNone')}${lang === 'en' ? '. ' : '。'}${t(PROTECTION[s.secretProtection])}`}
      >
        <input
          name="up-secret"
          type="password"
          autoComplete="new-password"
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          placeholder={s.hasSecret ? t('up.secretKeep') : ''}
        />
      </Field>
      {s.secretProblem ? (
        <p className="warn-box" role="alert">
          {lang === 'en' ? t('up.secretUnreadable') : s.secretProblem}
        </p>
      ) : null}
      {!s.enabled ? <p className="warn-box">{t('up.notEnabled')}</p> : null}
      <ErrorNote text={action.checkError} />
      <ErrorBox error={action.error} />
      <OkNote text={notice} />
      <div className="form-actions">
        <button type="submit" className="btn primary big" disabled={action.busy}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
