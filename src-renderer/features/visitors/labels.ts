import type { AppointmentStatus, DocType, PassStatus, RemovalPassView, VisitConsent, VisitPurpose, VisitView } from '@shared/contract';
import type { MsgKey } from '../../app/i18n/dict';

export const PURPOSE: Record<VisitPurpose, MsgKey> = {
  friend: 'vis.purpose.friend',
  delivery: 'vis.purpose.delivery',
  repair: 'vis.purpose.repair',
  decoration: 'vis.purpose.decoration',
  agent_viewing: 'vis.purpose.agent_viewing',
  interview: 'vis.purpose.interview',
  other: 'vis.purpose.other',
};
export const PURPOSES = Object.keys(PURPOSE) as VisitPurpose[];

export const DOC_TYPE: Record<DocType, MsgKey> = {
  id_card: 'vis.doc.id_card',
  passport: 'vis.doc.passport',
  hk_macao: 'vis.doc.hk_macao',
  taiwan: 'vis.doc.taiwan',
  driver: 'vis.doc.driver',
  other: 'vis.doc.other',
  none: 'vis.doc.none',
};
export const DOC_TYPES = Object.keys(DOC_TYPE) as DocType[];

export const CONSENT: Record<VisitConsent, MsgKey> = {
  phone: 'vis.consent.phone',
  owner_present: 'vis.consent.owner_present',
  appointment: 'vis.consent.appointment',
  none: 'vis.consent.none',
};

export const VISIT_STATUS: Record<VisitView['status'], MsgKey> = {
  on_site: 'vis.status.on_site',
  checked_out: 'vis.status.checked_out',
  void: 'vis.status.void',
};

export const CHECKOUT_METHOD: Record<NonNullable<VisitView['checkoutMethod']>, MsgKey> = {
  scan: 'vis.checkout.scan',
  search: 'vis.checkout.search',
  bulk: 'vis.checkout.bulk',
  void: 'vis.checkout.void',
};

export const APPOINTMENT_STATUS: Record<AppointmentStatus, MsgKey> = {
  planned: 'vis.appt.status.planned',
  checked_in: 'vis.appt.status.checked_in',
  checked_out: 'vis.appt.status.checked_out',
  no_show: 'vis.appt.status.no_show',
  cancelled: 'vis.appt.status.cancelled',
};

export const PASS_STATUS: Record<PassStatus, MsgKey> = {
  valid: 'vis.pass.status.valid',
  returned: 'vis.pass.status.returned',
  closed: 'vis.pass.status.closed',
  void: 'vis.pass.status.void',
  lost: 'vis.pass.status.lost',
  used: 'vis.pass.status.used',
};

export const REMOVAL_STATUS: Record<RemovalPassView['status'] | 'expired', MsgKey> = {
  valid: 'vis.removal.status.valid',
  used: 'vis.removal.status.used',
  void: 'vis.removal.status.void',
  expired: 'vis.removal.status.expired',
};

export const REMOVAL_CONSENT: Record<RemovalPassView['consent'], MsgKey> = {
  owner: 'vis.removal.consent.owner',
  owner_present: 'vis.removal.consent.owner_present',
  phone: 'vis.removal.consent.phone',
  written: 'vis.removal.consent.written',
  approval: 'vis.removal.consent.approval',
};

/** The quick picks for removal items, as the core records them (Chinese) and as shown. */
export const QUICK_ITEMS: { zh: string; label: MsgKey }[] = [
  { zh: '家具', label: 'vis.item.furniture' },
  { zh: '家电', label: 'vis.item.appliance' },
  { zh: '装修垃圾', label: 'vis.item.debris' },
  { zh: '纸箱', label: 'vis.item.boxes' },
  { zh: '床垫', label: 'vis.item.mattress' },
  { zh: '行李', label: 'vis.item.luggage' },
  { zh: '办公设备', label: 'vis.item.office' },
  { zh: '自行车', label: 'vis.item.bicycle' },
];

/** The prefix the core puts before a document of which only the last four were registered (a reveal's answer). */
export const ONLY_LAST4 = '（只登记了后四位）';

/** Reasons recorded in Chinese (the record is the property's, in its language) for a worker pass reported lost. */
export const LOST_REASONS = { reportedLost: '施工人员报告遗失', unreachable: '逾期未交回，联系不上' } as const;
