import { AppError } from '../../lib/errors';
import type { Sql } from '../../db/sql';
import type { DocType, PersonalKind } from '../../db/schema';
import type { VisitorSettings } from '@shared/contract/visitors';
import type { DocumentSeal } from './document-seal';
import { insertPersonal, type PersonalWrite } from './personal.repo';
import { last4, phoneDigits } from './rules';

/** A person as a form sends them: name, phone as dialled, document type with its last four or (by setting) the whole number, plate. */
export interface PersonInput {
  name: string;
  phone?: string | undefined;
  docType: DocType;
  docLast4?: string | undefined;
  docNumber?: string | undefined;
  plate?: string | undefined;
}

/**
 * The personal columns to store, collecting the minimum: the document's last four characters unless the property
 * requires the whole number (then sealed, the last four kept in clear for matching). Refuses what the setting does
 * not ask for, so a whole number typed by habit is never stored.
 */
export function personalColumns(
  p: PersonInput,
  s: VisitorSettings,
  seal: DocumentSeal,
): Pick<PersonalWrite, 'name' | 'phone' | 'phone_last4' | 'doc_type' | 'doc_last4' | 'doc_sealed' | 'plate'> {
  const phone = p.phone ? phoneDigits(p.phone) : null;
  let docLast: string | null = null;
  let sealed: string | null = null;
  if (p.docType === 'none') {
    if (p.docLast4 || p.docNumber)
      throw new AppError('BAD_INPUT', '证件类型选了「未出示」，就不要填写证件号：请选择证件类型，或清空证件号。', { field: 'docType' });
  } else if (s.fullDocumentNumber) {
    if (!p.docNumber) throw new AppError('BAD_INPUT', '本物业按规定登记完整证件号码：请填写证件号码（加密保存，屏幕上只显示后四位）。', { field: 'docNumber' });
    const whole = p.docNumber.toUpperCase();
    docLast = last4(whole);
    sealed = seal.seal(whole);
  } else {
    if (p.docNumber) throw new AppError('BAD_INPUT', '本物业只登记证件号后四位：请只填写后四位，不要输入完整号码。', { field: 'docNumber' });
    if (!p.docLast4) throw new AppError('BAD_INPUT', '请填写证件号后四位（未出示证件请把证件类型选为「未出示」）。', { field: 'docLast4' });
    docLast = p.docLast4.toUpperCase();
  }
  return {
    name: p.name.trim(),
    phone,
    phone_last4: phone ? last4(phone) : null,
    doc_type: p.docType,
    doc_last4: docLast,
    doc_sealed: sealed,
    plate: p.plate ? p.plate : null,
  };
}

/** Inserts a personal row of `kind` whose retention period runs from `retainFrom`. Call inside the writing transaction. */
export function recordPerson(
  sql: Sql,
  kind: PersonalKind,
  cols: Pick<PersonalWrite, 'name' | 'phone' | 'phone_last4' | 'doc_type' | 'doc_last4' | 'doc_sealed' | 'plate'>,
  retainFrom: string,
  at: string,
): number {
  return insertPersonal(sql, { kind, ...cols, retain_from: retainFrom, created_at: at });
}
