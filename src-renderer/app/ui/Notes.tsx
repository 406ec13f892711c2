import type { Problem } from '../../lib/money';
import { useT } from '../i18n/I18n';

/** A message of the screen's own (e.g. a failed check) as an announced error line; nothing for none. */
export function ErrorNote({ text }: { text: string | null }) {
  return text ? (
    <p className="error-box" role="alert">
      {text}
    </p>
  ) : null;
}

/** A success line, announced politely; nothing for none. */
export function OkNote({ text }: { text: string | null }) {
  return text ? (
    <p className="ok-box" role="status">
      {text}
    </p>
  ) : null;
}

/** The problem with one field's value, under the field (link it with aria-describedby); nothing for none. */
export function FieldProblem({ problem, id }: { problem: Problem | null | undefined; id?: string }) {
  const t = useT();
  return problem ? (
    <span className="field-error" id={id} role="alert">
      {t(problem.key, problem.params)}
    </span>
  ) : null;
}
