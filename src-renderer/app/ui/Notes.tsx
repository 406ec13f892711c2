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
