import '@xyflow/react/dist/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import App from './App';
import { syncDocumentLang } from './i18n';
import './index.css';
import { registerServiceWorker } from './features/offline/registerServiceWorker';
import { initWorkspace } from './state/autosave';
import { watchAddressLinks } from './state/shareStore';
import { syncTheme } from './state/themeStore';

const root = document.getElementById('root');
if (!root) throw new Error('#root element missing from index.html');

syncDocumentLang();
syncTheme();
// Before the first render, so the canvas opens (and fits the view) on the restored workspace.
initWorkspace();
// A share link in the address opens on top of it (Undo and a backup keep the workspace), now and
// whenever the fragment changes; a broken link changes nothing and says why.
watchAddressLinks();

// After the first visit the app opens offline (production builds only).
registerServiceWorker();

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
