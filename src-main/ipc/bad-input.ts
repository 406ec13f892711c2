import { z } from 'zod';
import { fieldLabel, fieldPath } from '@shared/contract/field-labels';
import { AppError } from '../lib/errors';

/**
 * Plain Chinese for the issues a person can cause, without zod's type names (string, int, boolean) or
 * regular expressions. A message a schema sets itself ('请输入用户名') wins over these; anything not
 * covered falls back to zod's Chinese locale.
 */
const plainChinese: z.core.$ZodErrorMap = (iss) => {
  const n = (v: unknown) => (typeof v === 'bigint' ? v.toString() : String(v));
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined || iss.input === null) return '请填写';
      if (iss.expected === 'int') return '应为整数';
      if (iss.expected === 'number') return '应为数字';
      return '格式不对';
    case 'too_big':
      if (iss.origin === 'string') return `最多 ${n(iss.maximum)} 个字`;
      if (iss.origin === 'array' || iss.origin === 'set') return `最多 ${n(iss.maximum)} 项`;
      if (iss.origin === 'number' || iss.origin === 'int' || iss.origin === 'bigint')
        return iss.inclusive === false ? `应小于 ${n(iss.maximum)}` : `不能大于 ${n(iss.maximum)}`;
      return undefined;
    case 'too_small':
      if (iss.origin === 'string') return Number(iss.minimum) <= 1 ? '请填写' : `至少 ${n(iss.minimum)} 个字`;
      if (iss.origin === 'array' || iss.origin === 'set') return Number(iss.minimum) <= 1 ? '至少要有一项' : `至少 ${n(iss.minimum)} 项`;
      if (iss.origin === 'number' || iss.origin === 'int' || iss.origin === 'bigint')
        return iss.inclusive === false ? `应大于 ${n(iss.minimum)}` : `不能小于 ${n(iss.minimum)}`;
      return undefined;
    case 'invalid_format':
    case 'invalid_union':
      return '格式不对';
    case 'invalid_value':
      return '不是可选的值：请从列表中选择';
    case 'unrecognized_keys':
      return '含有程序不认识的内容：请更新程序或重新打开窗口';
    default:
      return undefined;
  }
};

z.config(z.locales.zhCN());
z.config({ customError: plainChinese });

/** The first issue, with the field named in Chinese and its path (for params.field). */
export function describeZodError(err: z.ZodError): { field: string | null; text: string } {
  const first = err.issues[0];
  if (!first) return { field: null, text: '输入无效。' };
  const field = fieldPath(first.path) || null;
  // a name without a label is a gap the contract test catches; the screen still gets no English key
  const label = field ? (fieldLabel(field, 'zh-CN') ?? '输入项') : '';
  return { field, text: label ? `${label}：${first.message}` : first.message };
}

/** BAD_INPUT for input that does not parse, naming the field in Chinese; params.field is its path. */
export function badInput(err: z.ZodError): AppError {
  const d = describeZodError(err);
  return new AppError('BAD_INPUT', `输入无效 — ${d.text}`, d.field ? { field: d.field } : undefined);
}
