import type { MsgKey } from '../../app/i18n/dict';

export type Way = 'phone' | 'visit' | 'sms' | 'notice' | 'lawyer';
export type Bucket = '1-3' | '4-6' | '7-12' | '12+';

export const WAYS: readonly Way[] = ['phone', 'visit', 'sms', 'notice', 'lawyer'];
export const WAY_LABEL: Record<Way, MsgKey> = {
  phone: 'arr.way.phone',
  visit: 'arr.way.visit',
  sms: 'arr.way.sms',
  notice: 'arr.way.notice',
  lawyer: 'arr.way.lawyer',
};

export const BUCKETS: readonly Bucket[] = ['1-3', '4-6', '7-12', '12+'];
export const BUCKET_LABEL: Record<Bucket, MsgKey> = {
  '1-3': 'arr.bucket.1-3',
  '4-6': 'arr.bucket.4-6',
  '7-12': 'arr.bucket.7-12',
  '12+': 'arr.bucket.12+',
};

/** A room chosen on one tab and carried to another (the list's 催缴 / 通知单 buttons). */
export interface RoomRef {
  roomId: number;
  roomCode: string;
}

/** 收缴率 in basis points as a percentage with one decimal; — when nothing was charged. */
export const rateText = (bp: number | null): string => (bp === null ? '—' : `${(bp / 100).toFixed(1)}%`);
