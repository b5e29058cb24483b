import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { retryFailedStylesheets } from './lib/chunk-load';
import './index.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The entry loaded: a later failed load may reload again (public/boot-retry.js).
try {
  sessionStorage.removeItem('berth.boot-retries');
} catch {
  // no session storage: nothing was counted
}

retryFailedStylesheets();

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
