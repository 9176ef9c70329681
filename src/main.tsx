/** Page entry: i18n, then the lab. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18nReady } from './ui/i18n';
import { App } from './ui/App';

const root = document.getElementById('app');
// The page renders once its language is in (Korean is fetched first when it starts in Korean).
void i18nReady.then(() => {
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
