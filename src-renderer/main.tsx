import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { newQueryClient } from './lib/query';
// The shared style sheets first, in this order (each area's own sheet comes with its screen's chunk, after these).
import './styles/base.css';
import './styles/forms.css';
import './styles/dates.css';
import './styles/shell.css';
import './styles/nav.css';
import './styles/screens.css';
import './styles/resident.css';
import './styles/figures.css';
import './styles/seg.css';
import './styles/room-picker.css';
import './styles/paper.css';
import './styles/lists.css';
import './styles/dues.css';
import { App } from './app/App';
import { I18nProvider } from './app/i18n/I18n';
import { StatusProvider } from './app/status';

// the status and what is read before anyone signs in; each signed-in shell has a client of its own
const appClient = newQueryClient();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <QueryClientProvider client={appClient}>
      <I18nProvider>
        <StatusProvider>
          <App />
        </StatusProvider>
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
