import { useEffect, useState } from 'react';
import type { AppStatus, OperatorView } from '../../src-main/contract/index';
import { formatDateTime, formatTime } from '../lib/format';
import type { MsgKey } from './i18n/dict';
import { useI18n } from './i18n/I18n';
import { useStatus } from './status';

type DeviceState = AppStatus['devices']['printer']['state'];

const DOT: Record<DeviceState, string> = { 'not-configured': 'grey', ok: 'green', offline: 'red', error: 'red' };
const STATE_KEY: Record<DeviceState, MsgKey> = {
  'not-configured': 'dev.notConfigured',
  ok: 'dev.ok',
  offline: 'dev.offline',
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

export function StatusBar({ operator }: { operator: OperatorView }) {
  const { t, lang } = useI18n();
  const { status } = useStatus();
  const now = useNow();
  if (!status) return null;
  const devices: { key: MsgKey; d: AppStatus['devices']['printer'] }[] = [
    { key: 'dev.printer', d: status.devices.printer },
    { key: 'dev.cardReader', d: status.devices.cardReader },
    { key: 'dev.scanner', d: status.devices.scanner },
  ];
  const up = status.upstream;
  const integ = status.integrity;
  const integColour = integ.ok === null ? 'grey' : integ.ok ? 'green' : 'red';
  const integText =
    integ.ok === null
      ? t('status.dbNotChecked')
      : integ.ok
        ? t('status.dbOk', { at: formatDateTime(integ.lastFullCheckAt, lang) })
        : t('status.dbBad');
  return (
    <footer className="statusbar" aria-label={t('status.label')}>
      <span className="sb-item sb-operator">
        {operator.displayName} · {t(`role.${operator.role}`)}
      </span>
      <span className="sb-item">{lang === 'en' ? t(status.shift.open ? 'status.shiftOpen' : 'status.shiftClosed') : status.shift.label}</span>
      {devices.map(({ key, d }) => (
        <span className="sb-item" key={key} title={d.detail}>
          <Dot colour={DOT[d.state]} />
          {t('common.labelValue', { label: t(key), value: t(STATE_KEY[d.state]) })}
        </span>
      ))}
      <span className="sb-item">
        {t('common.labelValue', { label: t('status.upstream'), value: up.lastSuccessAt ? formatDateTime(up.lastSuccessAt, lang) : t('status.neverSynced') })}
        {up.backlog > 0 ? <strong className="warn-text"> {t('status.backlog', { n: up.backlog })}</strong> : null}
      </span>
      <span className="sb-item">
        <Dot colour={integColour} />
        {integText}
      </span>
      <time className="sb-item sb-clock" dateTime={now.toISOString()}>
        {formatTime(now, lang)}
      </time>
    </footer>
  );
}
