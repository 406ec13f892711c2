import { useEffect, useState } from 'react';
import type { AppStatus, OperatorView } from '@shared/contract';
import { useSend } from '../lib/query';
import { formatDateTime, formatTime } from '../lib/format';
import { errorText } from './errors';
import { coreText } from './i18n/core-text';
import type { MsgKey } from './i18n/dict';
import { useI18n } from './i18n/I18n';
import { useLastScan, useScanWatch } from './scanActivity';
import { useStatus } from './status';
import { ConfirmDialog } from './ui/ConfirmDialog';

type DeviceState = AppStatus['devices']['printer']['state'];

const DOT: Record<DeviceState, string> = {
  'not-configured': 'grey',
  checking: 'grey',
  ok: 'green',
  unknown: 'grey',
  offline: 'red',
  'paper-out': 'red',
  'cover-open': 'red',
  error: 'red',
};
const STATE_KEY: Record<DeviceState, MsgKey> = {
  'not-configured': 'dev.notConfigured',
  checking: 'dev.checking',
  ok: 'dev.ok',
  unknown: 'dev.unknown',
  offline: 'dev.offline',
  'paper-out': 'dev.paperOut',
  'cover-open': 'dev.coverOpen',
  error: 'dev.error',
};

function Dot({ colour }: { colour: string }) {
  return <span className={`dot dot-${colour}`} aria-hidden="true" />;
}

function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/**
 * A failed full integrity check: a red notice in the status bar, and for admins 进入恢复 (confirm →
 * system.enterRecovery; the next status poll shows the recovery screen with the backups).
 */
function IntegrityAlarm({ admin }: { admin: boolean }) {
  const { t, lang } = useI18n();
  const { refresh } = useStatus();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = useSend();

  const enter = async () => {
    setBusy(true);
    setError(null);
    try {
      await send('system.enterRecovery', {});
      setAsking(false);
      await refresh();
    } catch (e) {
      setError(errorText(e, lang, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <span className="sb-item sb-alarm" role="alert">
        <Dot colour="red" />
        {t('status.dbBad')}
        {admin ? (
          <button type="button" className="btn small danger" onClick={() => setAsking(true)}>
            {t('status.enterRecovery')}
          </button>
        ) : null}
        {error ? <span className="sb-error">{error}</span> : null}
      </span>
      {asking ? (
        <ConfirmDialog
          title={t('status.enterRecoveryTitle')}
          message={t('status.enterRecoveryText')}
          confirmLabel={t('status.enterRecovery')}
          danger
          busy={busy}
          onConfirm={() => void enter()}
          onCancel={() => setAsking(false)}
        />
      ) : null}
    </>
  );
}

/**
 * The keyboard-mode scanner: what is known is when it last worked (扫码枪：最近 14:32, with the date when
 * not today), or that no scan has been seen yet.
 */
function ScannerItem({ now }: { now: Date }) {
  const { t, lang } = useI18n();
  useScanWatch();
  const last = useLastScan();
  const at = last ? new Date(last) : null;
  const today = at !== null && at.toDateString() === now.toDateString();
  const when = at ? (today ? formatTime(at, lang).slice(0, 5) : formatDateTime(last, lang)) : null;
  const text = t('common.labelValue', { label: t('dev.scanner'), value: when ? t('dev.lastScan', { at: when }) : t('dev.noScan') });
  return (
    <span className="sb-item sb-mid" title={`${text} — ${t('dev.scannerDetail')}`} data-testid="sb-scanner">
      <Dot colour={today ? 'green' : 'grey'} />
      <span className="sb-text">{text}</span>
    </span>
  );
}

/** One status-bar item of plain text: cut with … when the bar is narrow, whole in its tooltip. */
function SbText({ text }: { text: string }) {
  return (
    <span className="sb-item" title={text}>
      <span className="sb-text">{text}</span>
    </span>
  );
}

export function StatusBar({ operator }: { operator: OperatorView }) {
  const { t, lang } = useI18n();
  const { status } = useStatus();
  const now = useNow();
  if (!status) return null;
  const devices: { key: MsgKey; d: AppStatus['devices']['printer'] }[] = [
    { key: 'dev.printer', d: status.devices.printer },
    { key: 'dev.cardReader', d: status.devices.cardReader },
  ];
  const up = status.upstream;
  const integ = status.integrity;
  const integColour = integ.ok === null ? 'grey' : integ.ok ? 'green' : 'red';
  const integText =
    integ.ok === null ? t('status.dbNotChecked') : integ.ok ? t('status.dbOk', { at: formatDateTime(integ.lastFullCheckAt, lang) }) : t('status.dbBad');
  const upText = [
    t('common.labelValue', { label: t('status.upstream'), value: up.lastSuccessAt ? formatDateTime(up.lastSuccessAt, lang) : t('status.neverSynced') }),
    up.backlog > 0 ? t('status.backlog', { n: up.backlog }) : '',
    up.alert ? coreText(up.alert, lang) : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <footer className="statusbar" aria-label={t('status.label')}>
      <span className="sb-item sb-operator" title={`${operator.displayName} · ${t(`role.${operator.role}`)}`}>
        <span className="sb-text">
          {operator.displayName}
          <span className="sb-role"> · {t(`role.${operator.role}`)}</span>
        </span>
      </span>
      <SbText text={status.shift.holder ? t('status.shiftHeld', { name: status.shift.holder }) : t('status.shiftClosed')} />
      {devices.map(({ key, d }) => (
        <span className="sb-item" key={key} title={coreText(d.detail, lang)} data-testid={`sb-${key.replace('dev.', '')}`}>
          <Dot colour={DOT[d.state]} />
          <span className="sb-text">{t('common.labelValue', { label: t(key), value: t(STATE_KEY[d.state]) })}</span>
        </span>
      ))}
      <ScannerItem now={now} />
      <span className="sb-item sb-less" title={upText}>
        <span className="sb-text">
          {t('common.labelValue', { label: t('status.upstream'), value: up.lastSuccessAt ? formatDateTime(up.lastSuccessAt, lang) : t('status.neverSynced') })}
          {up.backlog > 0 ? <strong className="warn-text"> {t('status.backlog', { n: up.backlog })}</strong> : null}
          {up.alert ? <strong className="sb-error"> {coreText(up.alert, lang)}</strong> : null}
        </span>
      </span>
      {integ.ok === false ? (
        <IntegrityAlarm admin={operator.role === 'admin'} />
      ) : (
        <span className="sb-item sb-less" title={integText}>
          <Dot colour={integColour} />
          <span className="sb-text">{integText}</span>
        </span>
      )}
      <time className="sb-item sb-clock" dateTime={now.toISOString()}>
        {formatTime(now, lang)}
      </time>
    </footer>
  );
}
