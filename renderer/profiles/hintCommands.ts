/** The broker tools a hint may tell the user to run. */
const COMMAND = /\b(?:rabbitmqctl|rabbitmq-plugins|rabbitmq-diagnostics|rabbitmq-queues)\b(?:[^()]|\(\))*?(?=\)|\s\(|$)/g;

/**
 * The shell commands inside a hint's prose ("Enable it on the broker:
 * rabbitmq-plugins enable rabbitmq_management (or …)"), so each can be shown
 * on its own line with a Copy button.
 */
export function commandsIn(hint: string): string[] {
  return [...hint.matchAll(COMMAND)].map((m) => m[0].trim().replace(/\.$/, '')).filter((c) => c.includes(' '));
}
