import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
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

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <I18nProvider>
      <StatusProvider>
        <App />
      </StatusProvider>
    </I18nProvider>
  </StrictMode>,
);
