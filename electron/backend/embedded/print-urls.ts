import type { EmbeddedState } from '../../../shared/model/embedded.js';
import type { Backend } from '../types.js';

/** The terminal line for a state: where the broker is, or why it is not running; '' for states worth no line. */
export function embeddedBrokerLine(state: EmbeddedState): string {
  if (state.status === 'running' && state.amqpUrl) {
    const line = `Embedded broker: ${state.amqpUrl}${state.httpUrl ? `, management ${state.httpUrl}` : ' (no management HTTP API in this build)'}`;
    return state.portNote ? `${line}\n  ${state.portNote}` : line;
  }
  if (state.status === 'failed' && state.reason) return `Embedded broker not running: ${state.reason}`;
  return '';
}

/**
 * Prints one line each time the embedded broker comes up on new URLs, or
 * gives up: whoever started Warren from a terminal sees where it is.
 */
export function printEmbeddedBroker(subscribe: Backend['subscribe'], print: (line: string) => void): () => void {
  let last = '';
  return subscribe((event, payload) => {
    if (event !== 'embedded.state') return;
    const line = embeddedBrokerLine(payload as EmbeddedState);
    if (line !== '' && line !== last) {
      last = line;
      print(line);
    }
  });
}
