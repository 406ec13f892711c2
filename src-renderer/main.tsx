import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { newQueryClient } from './lib/query';
import { App } from './app/App';
import { I18nProvider } from './app/i18n/I18n';
import { StatusProvider } from './app/status';
import './styles/base.css';
import './styles/forms.css';
import './styles/shell.css';
import './styles/screens.css';
import './styles/roster.css';
import './styles/fees.css';
import './styles/keys-cards.css';
import './styles/parcels.css';

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
