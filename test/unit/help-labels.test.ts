import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { DICT } from '../../src-renderer/app/i18n/dict';

/**
 * Help and hint texts send the receptionist to a button, tab or screen by its name in 「…」 (「设置 → 常规」,
 * 「重新打印」). Each such name must be a label that exists with exactly that text, or the hint points at
 * nothing. Quoted examples (例如「2栋屋顶」), the text of a parameter (「{name}」) and the names of things
 * outside the app are not labels.
 */
const OUTSIDE = new Map<string, string>([['另存为 PDF', 'the browser print dialog']]);

const ZH = Object.values(DICT).map(([zh]) => zh);
/** every label's text, also without a trailing key hint or colon */
const LABELS = new Set(ZH.flatMap((s) => [s.trim(), s.replace(/[：:]\s*$/, '').trim()]));

/** The 「…」 names in a text that are meant as labels (not examples, not parameters). */
export function quotedNames(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/「([^」]+)」/g)) {
    const name = m[1] ?? '';
    const before = text.slice(0, m.index ?? 0);
    if (name.includes('{')) continue;
    // 例如「…」「…」 or 如「…」: examples of what to type
    if (/(例如|如|比如)(「[^」]*」\s*(或|、|和)?\s*)*$/.test(before)) continue;
    out.push(name);
  }
  return out;
}

/**
 * Quoted names in the core's messages that are not labels of this app, each with why. Anything else in 「…」 in
 * a string of src-main or src-shared must be a label (the core's errors and hints reach the screen as they are).
 */
const CORE_NOT_LABELS = new Map<string, string>([
  ['CSV UTF-8', 'a file type in Excel’s and WPS’s 另存为 dialog'],
  ['CSV UTF-8（逗号分隔）', 'a file type in Excel’s and WPS’s 另存为 dialog'],
  ['Excel 工作簿（.xlsx）', 'a file type in Excel’s and WPS’s 另存为 dialog'],
  ['文本', 'a cell format in Excel (设置单元格格式 → 文本)'],
]);
/** Column names of the roster file, quoted in the import's messages about a file's columns (not screen labels). */
const ROSTER_COLUMNS = new Set(['楼栋', '单元', '房号', '姓名', '类型', '电话', '入住日期', '迁出日期', '面积', '备注']);

const ROOT = path.resolve(__dirname, '../..');
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(d.name) && !d.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Every string literal of a file (comments left out); a template's expressions become {…}, like a parameter. */
export function stringLiterals(file: string, code = fs.readFileSync(file, 'utf8')): Array<{ text: string; line: number }> {
  const src = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true);
  const out: Array<{ text: string; line: number }> = [];
  const visit = (n: ts.Node): void => {
    let text: string | null = null;
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) text = n.text;
    else if (ts.isTemplateExpression(n)) text = n.head.text + n.templateSpans.map((s) => `{…}${s.literal.text}`).join('');
    if (text !== null) out.push({ text, line: src.getLineAndCharacterOfPosition(n.getStart()).line + 1 });
    if (!ts.isTemplateExpression(n)) ts.forEachChild(n, visit);
  };
  visit(src);
  return out;
}

describe('names in 「…」 in the help texts', () => {
  it('finds the names meant as labels', () => {
    expect(quotedNames('请在「设置 → 常规」中修改，例如「2栋屋顶」或「空置房大门」；「{name}」')).toEqual(['设置 → 常规']);
  });

  it('each refers to a label that exists with exactly that text (a path: each step)', () => {
    const missing: string[] = [];
    for (const [key, [zh]] of Object.entries(DICT)) {
      for (const name of quotedNames(zh)) {
        if (OUTSIDE.has(name)) continue;
        const steps = name.split(/\s*→\s*/);
        for (const step of steps) if (!LABELS.has(step)) missing.push(`${key}: 「${name}」 (${step})`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe("names in 「…」 in the core's messages", () => {
  it("reads string literals, not comments, and marks a template's expressions as parameters", () => {
    const found = stringLiterals('x.ts', "// 「注释」\nconst a = '请点「确认导入」';\nconst b = `「${name}」在「${x}」里`;\n/** 「文档」 */\n");
    expect(found.map((f) => f.text)).toEqual(['请点「确认导入」', '「{…}」在「{…}」里']);
    expect(found.flatMap((f) => quotedNames(f.text))).toEqual(['确认导入']);
  });

  it('each names a label that exists with exactly that text (or is a listed name from outside the app)', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const dir of ['src-main', 'src-shared']) {
      for (const file of sourceFiles(path.join(ROOT, dir))) {
        const rel = path.relative(ROOT, file);
        for (const { text, line } of stringLiterals(file)) {
          for (const name of quotedNames(text)) {
            checked++;
            if (CORE_NOT_LABELS.has(name) || OUTSIDE.has(name)) continue;
            if (rel.startsWith('src-main/features/roster/import/') && ROSTER_COLUMNS.has(name)) continue;
            for (const step of name.split(/\s*→\s*/)) if (!LABELS.has(step)) missing.push(`${rel}:${line}: 「${name}」 (${step})`);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });
});
