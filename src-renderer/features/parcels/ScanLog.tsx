import { formatTime } from '../../lib/format';
import type { MsgKey } from '../../app/i18n/dict';
import { useI18n } from '../../app/i18n/I18n';
import type { LogEntry, LogState } from './intakeStore';

const STATE_LABEL: Record<LogState, MsgKey> = {
  queued: 'scanlog.queued',
  current: 'scanlog.current',
  saved: 'scanlog.saved',
  duplicate: 'scanlog.duplicate',
  error: 'scanlog.error',
  discarded: 'scanlog.discarded',
};
const STATE_TAG: Record<LogState, string> = {
  queued: 'tag-muted',
  current: 'tag-warn',
  saved: 'tag-ok',
  duplicate: 'tag-bad',
  error: 'tag-bad',
  discarded: 'tag-muted',
};

/** The last scans, newest first: how each came in (scanner or typed) and what became of it. */
export function ScanLog({ entries }: { entries: readonly LogEntry[] }) {
  const { t, lang } = useI18n();
  if (entries.length === 0) return <p className="hint">{t('scanlog.empty')}</p>;
  return (
    <ol className="scan-log" aria-label={t('scanlog.title')} data-testid="scan-log">
      {entries.map((e) => (
        <li key={e.id} data-state={e.state} data-source={e.source}>
          <span className="scan-time">{formatTime(new Date(e.at), lang)}</span>
          <span className="mono scan-code">{e.code}</span>
          <span className={`tag ${e.source === 'scanner' ? 'tag-ok' : 'tag-muted'}`}>{t(e.source === 'scanner' ? 'scanlog.scanner' : 'scanlog.typed')}</span>
          <span className={`tag ${STATE_TAG[e.state]}`}>{t(STATE_LABEL[e.state])}</span>
          {e.parcel ? <span className="scan-pickup">{t('scanlog.code', { code: e.parcel.pickupCodeSpoken })}</span> : null}
          {e.note || e.message ? <span className="scan-message">{e.note ? t(e.note) : e.message}</span> : null}
        </li>
      ))}
    </ol>
  );
}
