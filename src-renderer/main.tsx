import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The shared style sheets first, in this order (each area's own sheet comes with its screen's chunk, after these).
import './styles/base.css';
import './styles/forms.css';
import './styles/shell.css';
import './styles/screens.css';
import './styles/resident.css';
import './styles/figures.css';
import './styles/seg.css';
import './styles/room-picker.css';
import './styles/paper.css';
import './styles/lists.css';
import { App } from './app/App';
import { I18nProvider } from './app/i18n/I18n';
import { StatusProvider } from './app/status';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <I18nProvider>
      <StatusProvider>
        <App />
      </StatusProvider>
    </I18nProvider>
  </StrictMode>,
);
