import './main.css';

import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';

import { createApolloClient } from './apollo/client';
import { App } from './app/app';
import { SessionProvider } from './app/session';
import { initI18n } from './i18n/i18n';

initI18n();
const client = createApolloClient();

const container = document.getElementById('root');
if (!container) throw new Error('#root container is missing');

createRoot(container).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <BrowserRouter>
        <SessionProvider>
          <App />
        </SessionProvider>
      </BrowserRouter>
    </ApolloProvider>
  </StrictMode>,
);
