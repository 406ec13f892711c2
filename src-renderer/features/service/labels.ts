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

/**
 * The default request categories and departments by their stored (Chinese) names: shown in English in English
 * mode. A name the property added itself is data, shown as entered.
 */
const DEFAULT_NAMES: Record<string, MsgKey> = {
  水电: 'svc.cat.utilities',
  门窗: 'svc.cat.doorsWindows',
  电梯: 'svc.cat.lift',
  管道: 'svc.cat.pipes',
  公共设施: 'svc.cat.common',
  其他: 'svc.cat.other',
  噪音: 'svc.cat.noise',
  卫生: 'svc.cat.cleanliness',
  停车: 'svc.cat.parking',
  服务态度: 'svc.cat.attitude',
  安全: 'svc.cat.safety',
  环境: 'svc.cat.environment',
  服务: 'svc.cat.service',
  设施: 'svc.cat.facilities',
  缴费: 'svc.cat.payments',
  装修: 'svc.cat.renovation',
  快递: 'svc.cat.parcels',
  工程部: 'svc.dept.engineering',
  保安部: 'svc.dept.security',
  保洁部: 'svc.dept.cleaning',
  客服部: 'svc.dept.customer',
  绿化部: 'svc.dept.gardens',
};

/** A category's or department's name on screen: the default ones translated, the property's own as entered. */
export function defaultName(name: string, t: (k: MsgKey) => string): string {
  const key = DEFAULT_NAMES[name];
  return key ? t(key) : name;
}
