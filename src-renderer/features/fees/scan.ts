import type { PayMethod } from '@shared/contract';

/**
 * Which wallet a scanned payment code (付款码) belongs to, from its published shape: WeChat Pay codes are
 * 18 digits starting 10–15; Alipay codes are 16–24 digits starting 25–30. Anything else (a transaction
 * number typed by hand) is left to the method the receptionist chose.
 */
export function walletOfCode(code: string): Extract<PayMethod, 'wechat' | 'alipay'> | null {
  const s = code.trim();
  if (/^1[0-5]\d{16}$/.test(s)) return 'wechat';
  if (/^(2[5-9]|30)\d{14,22}$/.test(s)) return 'alipay';
  return null;
}
