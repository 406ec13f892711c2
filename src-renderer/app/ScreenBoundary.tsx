import { Component, Suspense, useEffect, type ReactNode } from 'react';
import { useT } from './i18n/I18n';

interface Props {
  children: ReactNode;
  /** called once the screen is on the page (after its chunk has loaded, on the first visit) */
  onShown?: () => void;
}

/**
 * Around a screen that is loaded on first use (see areaScreens.ts): while its chunk loads, a "loading" line
 * that only shows if the load takes noticeably long; if the screen cannot be loaded or fails to draw, a
 * message with the next step instead of an empty window.
 */
export function ScreenBoundary({ children, onShown }: Props) {
  return (
    <Catch>
      <Suspense fallback={<Loading />}>
        {children}
        {onShown ? <Shown onShown={onShown} /> : null}
      </Suspense>
    </Catch>
  );
}

/** Its effect runs when everything before it in the boundary has been committed, i.e. the screen is there. */
function Shown({ onShown }: { onShown: () => void }) {
  useEffect(() => onShown(), [onShown]);
  return null;
}

function Loading() {
  const t = useT();
  return (
    <p className="hint screen-loading" role="status">
      {t('common.loading')}
    </p>
  );
}

function Failed() {
  const t = useT();
  return (
    <div className="error-box" role="alert">
      <p>{t('screen.failed')}</p>
      <button type="button" className="btn" onClick={() => window.location.reload()}>
        {t('screen.reload')}
      </button>
    </div>
  );
}

class Catch extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? <Failed /> : this.props.children;
  }
}
