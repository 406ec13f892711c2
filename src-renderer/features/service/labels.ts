import type { RequestView } from '@shared/contract';
import type { MsgKey } from '../../app/i18n/dict';

export const KIND_LABEL: Record<RequestView['kind'], MsgKey> = {
  repair: 'svc.kind.repair',
  complaint: 'svc.kind.complaint',
  suggestion: 'svc.kind.suggestion',
  enquiry: 'svc.kind.enquiry',
};

export const STATUS_LABEL: Record<RequestView['status'], MsgKey> = {
  logged: 'svc.status.logged',
  dispatched: 'svc.status.dispatched',
  in_progress: 'svc.status.in_progress',
  done: 'svc.status.done',
  called_back: 'svc.status.called_back',
};

export const STATUS_TAG: Record<RequestView['status'], string> = {
  logged: 'tag-warn',
  dispatched: 'tag-muted',
  in_progress: 'tag-muted',
  done: 'tag-ok',
  called_back: 'tag-ok',
};

/** 2:05 under an hour (minutes:seconds, for the dispatch clock), otherwise hours and minutes. */
export function duration(ms: number, t: (k: MsgKey, p?: Record<string, string | number>) => string): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 3600) return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  return t('svc.hours', { h: Math.floor(s / 3600), m: Math.floor((s % 3600) / 60) });
}
