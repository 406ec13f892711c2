import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The core's refusals as the screen can receive them: every `new AppError(code, message)` in src-main, and the
 * errors whose message the core passes on as an AppError's (`new PricingError(…)`, `new RuleError(…)`).
 * A message written in place is read as its sentence(s): a template literal gives a pattern with `{x}` for each
 * value, a conditional both branches, a constant (of the same file or exported by another) its text, an entry of a
 * constant table (`PASS_KIND_ZH[kind]`) each of its values. A message the scan cannot read (`e.message`, a
 * variable filled elsewhere) is returned as `unread`, for the test to say where its sentences come from
 * (`sentencesFrom`) or why the screen never shows it.
 */
export interface MessageSource {
  /** file relative to the repository, and 1-based line */
  at: string;
  file: string;
  /** the sentence(s), `{x}` where the core fills in a value */
  texts: string[];
  /** the expression the scan could not read, when it could not */
  unread?: string;
}

/** Where the sentences of a message the scan cannot read in place are written. */
export type SentenceOrigin =
  | { file: string; returnsOf: string } // what a function or method of that file returns
  | { file: string; property: string } // every `property: …` written in that file
  | { file: string; argumentOf: string; index?: number } // what that file passes to a function
  | { file: string; constructed: string }; // the messages of the errors of that class the file creates

const CONSTRUCTORS = new Set(['AppError', 'PricingError', 'RuleError']);
const MAX_VARIANTS = 64;
const CJK = /[\u3400-\u9fff]/;

function files(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

const combine = (a: string[], b: string[]) => a.flatMap((x) => b.map((y) => x + y)).slice(0, MAX_VARIANTS);

export class CoreSources {
  private readonly parsed = new Map<string, ts.SourceFile>();
  private readonly exported = new Map<string, ts.Expression>();

  constructor(
    private readonly root = process.cwd(),
    dirs = ['src-main', 'src-shared'],
  ) {
    for (const file of dirs.flatMap((d) => files(path.join(root, d)))) {
      const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      this.parsed.set(path.relative(root, file), sf);
      for (const st of sf.statements) {
        if (!ts.isVariableStatement(st) || !st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
        for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.initializer) this.exported.set(d.name.text, d.initializer);
      }
    }
  }

  private constInitializer(sf: ts.SourceFile, name: string): ts.Expression | null {
    let found: ts.Expression | null = null;
    const visit = (n: ts.Node) => {
      if (found) return;
      if (
        ts.isVariableDeclaration(n) &&
        ts.isIdentifier(n.name) &&
        n.name.text === name &&
        n.initializer &&
        ts.isVariableDeclarationList(n.parent) &&
        n.parent.flags & ts.NodeFlags.Const
      ) {
        found = n.initializer;
        return;
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
    return found ?? this.imported(sf, name) ?? this.exported.get(name) ?? null;
  }

  /** The initializer of a constant the file imports by that name. */
  private imported(sf: ts.SourceFile, name: string): ts.Expression | null {
    for (const st of sf.statements) {
      if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)) continue;
      const named = st.importClause?.namedBindings;
      if (!named || !ts.isNamedImports(named) || !named.elements.some((el) => el.name.text === name)) continue;
      const spec = st.moduleSpecifier.text;
      const base = spec.startsWith('@shared/') ? path.join('src-shared', spec.slice(8)) : path.join(path.dirname(path.relative(this.root, sf.fileName)), spec);
      const target = this.parsed.get(base + '.ts') ?? this.parsed.get(path.join(base, 'index.ts'));
      if (!target) return null;
      for (const t of target.statements) {
        if (!ts.isVariableStatement(t)) continue;
        for (const d of t.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === name && d.initializer) return d.initializer;
      }
      return null;
    }
    return null;
  }

  /** The texts an expression can be, or null when the scan cannot tell. */
  read(e: ts.Expression, sf: ts.SourceFile, depth = 0): string[] | null {
    if (depth > 8) return null;
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e.text];
    if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) return this.read(e.expression, e.getSourceFile(), depth + 1);
    if (ts.isTemplateExpression(e)) {
      // a value the core fills in is {x}; a choice between fixed words is each of them, the same one wherever
      // the template uses the same expression twice (不能${verb}…然后再${verb})
      const choices = new Map<string, string[]>();
      for (const span of e.templateSpans) {
        const key = span.expression.getText(sf);
        if (!choices.has(key)) choices.set(key, this.read(span.expression, sf, depth + 1) ?? ['{x}']);
      }
      let picks: Map<string, string>[] = [new Map()];
      for (const [key, options] of choices) picks = picks.flatMap((p) => options.map((o) => new Map([...p, [key, o]]))).slice(0, MAX_VARIANTS);
      return picks.map((p) => e.head.text + e.templateSpans.map((span) => (p.get(span.expression.getText(sf)) ?? '') + span.literal.text).join(''));
    }
    if (ts.isConditionalExpression(e)) {
      const a = this.read(e.whenTrue, sf, depth + 1);
      const b = this.read(e.whenFalse, sf, depth + 1);
      return a && b ? [...a, ...b] : null;
    }
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const a = this.read(e.left, sf, depth + 1);
      const b = this.read(e.right, sf, depth + 1);
      return a && b ? combine(a, b) : null;
    }
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) {
      // a value, or a fixed fallback worth translating ('' adds nothing)
      const b = (this.read(e.right, sf, depth + 1) ?? []).filter((t) => CJK.test(t));
      return ['{x}', ...b];
    }
    if (ts.isIdentifier(e)) {
      const init = this.constInitializer(sf, e.text);
      return init ? this.read(init, init.getSourceFile(), depth + 1) : null;
    }
    const joined = this.readJoin(e, sf, depth);
    if (joined) return joined;
    if (ts.isElementAccessExpression(e) && ts.isIdentifier(e.expression)) {
      // a constant table of words: each of its values
      let init = this.constInitializer(sf, e.expression.text);
      while (init && (ts.isAsExpression(init) || ts.isSatisfiesExpression(init))) init = init.expression;
      if (!init || !ts.isObjectLiteralExpression(init)) return null;
      const values = init.properties.flatMap((p) => (ts.isPropertyAssignment(p) ? (this.read(p.initializer, init.getSourceFile(), depth + 1) ?? []) : []));
      return values.length > 0 ? values : null;
    }
    return null;
  }

  /** `[a ? x : null, b ? y : null].filter(Boolean).join(sep)`: each choice of the parts present, joined. */
  private readJoin(e: ts.Expression, sf: ts.SourceFile, depth: number): string[] | null {
    if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression) || e.expression.name.text !== 'join') return null;
    const sep = e.arguments[0];
    const filtered = e.expression.expression;
    if (!sep || !ts.isStringLiteral(sep) || !ts.isCallExpression(filtered) || !ts.isPropertyAccessExpression(filtered.expression)) return null;
    const list = filtered.expression.expression;
    if (filtered.expression.name.text !== 'filter' || !ts.isArrayLiteralExpression(list)) return null;
    let out: string[][] = [[]];
    for (const el of list.elements) {
      const optional = ts.isConditionalExpression(el) && el.whenFalse.kind === ts.SyntaxKind.NullKeyword;
      const options = this.read(optional ? el.whenTrue : (el as ts.Expression), sf, depth + 1);
      if (!options) return null;
      out = out.flatMap((parts) => [...options.map((o) => [...parts, o]), ...(optional ? [parts] : [])]).slice(0, MAX_VARIANTS);
    }
    // none present joins to '' (which the sentence then tests for and leaves out)
    return out.filter((parts) => parts.length > 0).map((parts) => parts.join(sep.text));
  }

  /** Every AppError (and passed-on error) message in src-main. */
  sources(): MessageSource[] {
    const out: MessageSource[] = [];
    for (const [file, sf] of this.parsed) {
      if (!file.startsWith('src-main' + path.sep)) continue;
      const visit = (n: ts.Node) => {
        if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && CONSTRUCTORS.has(n.expression.text)) {
          const msg = n.expression.text === 'AppError' ? n.arguments?.[1] : n.arguments?.[0];
          if (msg) {
            const at = `${file}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
            const texts = this.read(msg, sf);
            // a message that may be a value as a whole (a ?? b) is one the scan cannot read either
            out.push(texts && !texts.includes('{x}') ? { at, file, texts } : { at, file, texts: [], unread: msg.getText(sf) });
          }
        }
        ts.forEachChild(n, visit);
      };
      visit(sf);
    }
    return out;
  }

  /** The sentences written where an origin says (only those with Chinese in them). */
  from(origin: SentenceOrigin): string[] {
    const sf = this.parsed.get(origin.file);
    if (!sf) throw new Error(`no such file ${origin.file}`);
    const exprs: ts.Expression[] = [];
    const visit = (n: ts.Node, inside: boolean) => {
      let now = inside;
      if (
        'returnsOf' in origin &&
        (ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isVariableDeclaration(n)) &&
        n.name &&
        ts.isIdentifier(n.name) &&
        n.name.text === origin.returnsOf
      )
        now = true;
      if ('returnsOf' in origin && now && ts.isReturnStatement(n) && n.expression) exprs.push(n.expression);
      if ('property' in origin && ts.isPropertyAssignment(n) && ts.isIdentifier(n.name) && n.name.text === origin.property) exprs.push(n.initializer);
      if ('constructed' in origin && ts.isNewExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === origin.constructed) {
        const a = n.arguments?.[0];
        if (a) exprs.push(a);
      }
      if ('argumentOf' in origin && ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === origin.argumentOf) {
        const a = n.arguments[origin.index ?? 0];
        if (a) exprs.push(a);
      }
      ts.forEachChild(n, (c) => visit(c, now));
    };
    visit(sf, false);
    // each branch of a choice on its own: one that passes on another error's message is accounted for elsewhere
    const branches = (e: ts.Expression): ts.Expression[] => (ts.isConditionalExpression(e) ? [...branches(e.whenTrue), ...branches(e.whenFalse)] : [e]);
    return exprs
      .flatMap(branches)
      .flatMap((e) => this.read(e, sf) ?? [])
      .filter((t) => CJK.test(t));
  }
}

/** Messages the scan cannot read in place: where their sentences are written. */
export const ORIGINS: Record<string, SentenceOrigin[]> = {
  'src-main/compose.ts|e instanceof Error ? e.message : String(e)': [{ file: 'src-main/db/backup.ts', constructed: 'Error' }],
  'src-main/features/fees/fees.service.ts|e.message': [{ file: 'src-main/features/fees/pricing.ts', constructed: 'PricingError' }],
  'src-main/features/receivables/accounts.ts|e.message': [{ file: 'src-main/features/receivables/rules.ts', constructed: 'RuleError' }],
  'src-main/features/receivables/receivables.service.ts|e.message': [{ file: 'src-main/features/receivables/rules.ts', constructed: 'RuleError' }],
  'src-main/features/rooms/state.ts|err': [{ file: 'src-main/features/rooms/rules.ts', returnsOf: 'transitionError' }],
  'src-main/features/cards/cards.service.ts|r.message': [{ file: 'src-shared/card-number.ts', property: 'message' }],
  "src-main/features/cards/cards.service.ts|r.ok ? '卡号无法识别：请核对。' : r.message": [{ file: 'src-shared/card-number.ts', property: 'message' }],
  'src-main/features/fees/fee-items.ts|problem': [{ file: 'src-shared/money.ts', returnsOf: 'receivedProblem' }],
  'src-main/features/parcels/parcels-intake.ts|d.reason': [{ file: 'src-main/features/parcels/carriers.ts', property: 'reason' }],
  'src-main/features/parcels/parcels-intake.ts|this.duplicateMessage(d.waybill, dup.id)': [
    { file: 'src-main/features/parcels/parcels-intake.ts', returnsOf: 'duplicateMessage' },
  ],
  'src-main/features/roster/import/parse.ts|message': [{ file: 'src-main/features/roster/import/parse.ts', argumentOf: 'fail' }],
  'src-main/features/roster/import/run-check.ts|m.message': [{ file: 'src-main/features/roster/import/parse.ts', argumentOf: 'fail' }],
  'src-main/features/visitors/workers.service.ts|this.passes.closedMessage(r)': [
    { file: 'src-main/features/visitors/passes.service.ts', returnsOf: 'closedMessage' },
  ],
  'src-main/sync/upstream.service.ts|bad': [{ file: 'src-main/sync/http-client.ts', returnsOf: 'checkUrl' }],
  "src-main/sync/upstream.service.ts|read.problem ?? '没有可用的上报密钥：请管理员重新填写密钥。'": [
    { file: 'src-main/sync/stored-secret.ts', property: 'problem' },
    { file: 'src-main/lib/sealed-secret.ts', constructed: 'SecretUnreadable' },
  ],
};

/** Sentences the core puts into a message it builds (输入无效 — 姓名：<sentence>): the contract's, and its plain Chinese. */
export function filledIn(core: CoreSources): string[] {
  const contract = fs.readdirSync(path.join(process.cwd(), 'src-shared/contract')).filter((f) => f.endsWith('.ts'));
  return [
    ...contract.flatMap((f) => core.from({ file: path.join('src-shared/contract', f), property: 'message' })),
    ...core.from({ file: 'src-main/ipc/bad-input.ts', returnsOf: 'plainChinese' }),
  ];
}

/** Every sentence the scan reads: in place, where the unread ones come from, and what is filled in (`{x}` for values). */
export function allCoreSentences(core = new CoreSources()): string[] {
  return [
    ...core.sources().flatMap((s) => s.texts),
    ...Object.values(ORIGINS)
      .flat()
      .flatMap((o) => core.from(o)),
    ...filledIn(core),
  ];
}
