import { useId } from 'react';
import { formatBytes } from '../../lib/format';
import { useT } from '../../app/i18n/I18n';

interface Props {
  label: string;
  button: string;
  accept: string;
  disabled: boolean;
  file: File | null;
  onFile: (f: File | null) => void;
}

/**
 * A file input whose button speaks the UI's language (the browser's own says "Choose File" whatever the
 * page language). The real input stays in the tab order, visually hidden; its focus ring shows on the button.
 */
export function FilePicker({ label, button, accept, disabled, file, onFile }: Props) {
  const t = useT();
  const id = useId();
  const labelId = useId();
  const nameId = useId();
  return (
    <div className="field">
      <span className="field-label" id={labelId}>
        {label}
      </span>
      <div className="file-picker">
        <input
          id={id}
          className="file-input"
          type="file"
          name="roster-file"
          accept={accept}
          disabled={disabled}
          aria-labelledby={labelId}
          aria-describedby={nameId}
          onChange={(e) => onFile(e.target.files?.[0] ?? null)}
        />
        <label htmlFor={id} className="btn primary file-button" aria-hidden="true">
          {button}
        </label>
        <span id={nameId} className={file ? 'file-chosen' : 'hint'}>
          {file ? t('import.chosen', { name: file.name, size: formatBytes(file.size) }) : t('import.noFile')}
        </span>
      </div>
    </div>
  );
}
