import { fieldLabel } from '@shared/contract/field-labels';
import { ApiError } from '../lib/api';
import type { MsgKey } from './i18n/dict';
import { coreText, hasCoreText, inputReason } from './i18n/core-text';
import { useI18n, type T } from './i18n/I18n';
import type { Lang } from './i18n/lang';

const KNOWN: Record<string, MsgKey> = {
  BAD_CREDENTIALS: 'err.BAD_CREDENTIALS',
  ACCOUNT_LOCKED: 'err.ACCOUNT_LOCKED',
  ACCOUNT_DISABLED: 'err.ACCOUNT_DISABLED',
  LOCKED: 'err.LOCKED',
  NOT_SIGNED_IN: 'err.NOT_SIGNED_IN',
  ROLE_REQUIRED: 'err.ROLE_REQUIRED',
  BAD_INPUT: 'err.BAD_INPUT',
  PAYLOAD_TOO_LARGE: 'err.PAYLOAD_TOO_LARGE',
  NOT_FOUND: 'err.NOT_FOUND',
  CONFLICT: 'err.CONFLICT',
  APPROVAL_INVALID: 'err.APPROVAL_INVALID',
  INTERNAL: 'err.INTERNAL',
  HOST_UNREACHABLE: 'err.HOST_UNREACHABLE',
  IMPORT_FAILED: 'err.IMPORT_FAILED',
  DB_RECOVERY: 'err.DB_RECOVERY',
  READ_ONLY: 'err.READ_ONLY',
};

/**
 * What to show for an error: the server's Chinese message (it says what happened and what to do next, and
 * names the field in Chinese); in English mode its English version from core-messages.ts, or else an English
 * sentence for the known codes, naming the field with its English label for BAD_INPUT, followed by the
 * server's message.
 */
export function errorText(e: unknown, lang: Lang, t: T): string {
  if (!(e instanceof ApiError)) return t('err.unexpected');
  if (lang !== 'en') return e.message;
  // the core's sentence in English when there is one (core-messages.ts): it says what to do next, as the Chinese does
  const field = e.field ? fieldLabel(e.field, 'en') : null;
  // the core names the field in Chinese (输入无效 — 姓名：请填写): the screen names it in English, then the reason
  if (e.code === 'BAD_INPUT' && field) return `${t('err.BAD_INPUT_FIELD', { field })} — ${coreText(inputReason(e.message), lang)}`;
  if (hasCoreText(e.message)) return coreText(e.message, lang);
  let key = KNOWN[e.code];
  if (e.code === 'BAD_CREDENTIALS' && e.params?.left !== undefined) key = 'err.BAD_CREDENTIALS_LEFT';
  return key ? `${t(key, e.params)} — ${e.message}` : e.message;
}

/** A visible, announced error line; renders nothing for no error. */
export function ErrorBox({ error, id }: { error: unknown; id?: string }) {
  const { lang, t } = useI18n();
  if (error === null || error === undefined) return null;
  return (
    <p className="error-box" role="alert" id={id}>
      {errorText(error, lang, t)}
    </p>
  );
}
