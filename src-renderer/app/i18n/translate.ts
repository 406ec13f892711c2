import { DICT, type MsgKey } from './dict';
import type { Lang } from './lang';

export type Params = Record<string, string | number>;
export type T = (key: MsgKey, params?: Params) => string;

export function translate(lang: Lang, key: MsgKey, params?: Params): string {
  const text = DICT[key][lang === 'en' ? 1 : 0];
  if (!params) return text;
  // {n|document|documents}: the singular when n is 1, else the plural (English counts)
  return text
    .replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (m, name: string, one: string, many: string) => {
      const v = params[name];
      return v === undefined ? m : Number(v) === 1 ? one : many;
    })
    .replace(/\{(\w+)\}/g, (m, name: string) => {
      const v = params[name];
      if (v === undefined) return m;
      return typeof v === 'number' ? v.toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN') : v;
    });
}
