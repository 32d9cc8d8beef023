import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from './api/client.js';
import { App } from './App.js';
import { createConsoleStore } from './state/consoleStore.js';
import './styles/index.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const client = createClient();
const store = createConsoleStore(client);

// Events sent while the link to the backend was down are lost: re-read everything once it is back.
let linkWasDown = false;
client.onStatus((status) => {
  if (status === 'open') {
    store.dispatch({ type: 'backend/reachability', reachable: true });
    if (linkWasDown) void store.reload();
    linkWasDown = false;
  } else if (status === 'reconnecting' || status === 'closed') {
    linkWasDown = true;
    store.dispatch({ type: 'backend/reachability', reachable: false });
  }
});

createRoot(root).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
